import type { Kysely } from 'kysely';

/** Working Backwards PR/FAQs: the document, its sections (each versioned on its own for concurrent
 *  edits), every content version kept whole, status steps, review rounds with reviewers and anchored
 *  comments, decision requests with their events (nos, escalations, commitments), and the instance's
 *  decision window. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('prfaqs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('team', 'varchar(63)', (c) => c.notNull())
    .addColumn('author', 'varchar(63)', (c) => c.notNull())
    .addColumn('customer', 'varchar(1000)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('decision', 'varchar(3)')
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('bet_probability', 'double precision')
    .addColumn('bet_payoff', 'double precision')
    .addColumn('bet_cost', 'double precision')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prfaqs_team').on('prfaqs').columns(['team', 'number']).execute();

  await db.schema
    .createTable('prfaq_sections')
    .addColumn('prfaq_id', 'varchar(36)', (c) => c.notNull().references('prfaqs.id'))
    .addColumn('name', 'varchar(30)', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(63)')
    .addColumn('updated_at', 'varchar(32)')
    .addPrimaryKeyConstraint('prfaq_sections_pk', ['prfaq_id', 'name'])
    .execute();

  await db.schema
    .createTable('prfaq_versions')
    .addColumn('prfaq_id', 'varchar(36)', (c) => c.notNull().references('prfaqs.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('changed', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('customer', 'varchar(1000)', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('saved_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('prfaq_versions_pk', ['prfaq_id', 'number'])
    .execute();

  await db.schema
    .createTable('prfaq_status_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('prfaq_id', 'varchar(36)', (c) => c.notNull().references('prfaqs.id'))
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('by_name', 'varchar(63)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prfaq_status_events_prfaq').on('prfaq_status_events').columns(['prfaq_id', 'at']).execute();

  await db.schema
    .createTable('prfaq_rounds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('prfaq_id', 'varchar(36)', (c) => c.notNull().references('prfaqs.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('doc_version', 'integer', (c) => c.notNull())
    .addColumn('started_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('reading_minutes', 'integer', (c) => c.notNull())
    .addUniqueConstraint('prfaq_rounds_number', ['prfaq_id', 'number'])
    .execute();

  await db.schema
    .createTable('prfaq_round_reviewers')
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('prfaq_rounds.id'))
    .addColumn('person', 'varchar(63)', (c) => c.notNull())
    .addColumn('invited_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('invited_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('prfaq_round_reviewers_pk', ['round_id', 'person'])
    .execute();

  await db.schema
    .createTable('prfaq_comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('prfaq_rounds.id'))
    .addColumn('parent_id', 'varchar(36)')
    .addColumn('author', 'varchar(63)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('section', 'varchar(30)')
    .addColumn('field', 'varchar(100)')
    .addColumn('start_offset', 'integer')
    .addColumn('end_offset', 'integer')
    .addColumn('quote', 'text')
    .addColumn('resolved_by', 'varchar(63)')
    .addColumn('resolved_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('prfaq_comments_round').on('prfaq_comments').columns(['round_id', 'at']).execute();

  await db.schema
    .createTable('prfaq_decisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('prfaq_id', 'varchar(36)', (c) => c.notNull().references('prfaqs.id'))
    .addColumn('door', 'varchar(10)', (c) => c.notNull())
    .addColumn('doc_version', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('window_seconds', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_at', 'varchar(32)')
    .addColumn('decider', 'varchar(63)')
    .addColumn('decider_team', 'varchar(63)')
    .addColumn('outcome', 'varchar(3)')
    .addColumn('decided_by', 'varchar(63)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('how', 'varchar(10)')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('would_change_mind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prfaq_decisions_due').on('prfaq_decisions').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('prfaq_decisions_prfaq').on('prfaq_decisions').columns(['prfaq_id', 'requested_at']).execute();

  await db.schema
    .createTable('prfaq_decision_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('decision_id', 'varchar(36)', (c) => c.notNull().references('prfaq_decisions.id'))
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('by_name', 'varchar(63)', (c) => c.notNull())
    .addColumn('to_name', 'varchar(63)')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('would_change_mind', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prfaq_decision_events_decision').on('prfaq_decision_events').columns(['decision_id', 'at']).execute();

  await db.schema.alterTable('instance_settings').addColumn('decision_window', 'varchar(20)').execute();
}
