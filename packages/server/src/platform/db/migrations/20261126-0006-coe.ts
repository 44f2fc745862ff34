import type { Kysely } from 'kysely';

/** Corrections of Error: the document, its sections (each versioned on its own), action items,
 *  reviews and comments; andon pulls learn which COE they led to. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('team', 'varchar(63)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('services_json', 'text', (c) => c.notNull())
    .addColumn('pulls_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coes_team').on('coes').columns(['team', 'number']).execute();

  await db.schema
    .createTable('coe_sections')
    .addColumn('coe_id', 'varchar(36)', (c) => c.notNull().references('coes.id'))
    .addColumn('name', 'varchar(20)', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(63)')
    .addColumn('updated_at', 'varchar(32)')
    .addPrimaryKeyConstraint('coe_sections_pk', ['coe_id', 'name'])
    .execute();

  await db.schema
    .createTable('coe_action_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('coe_id', 'varchar(36)', (c) => c.notNull().references('coes.id'))
    .addColumn('coe_number', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('owner', 'varchar(63)', (c) => c.notNull())
    .addColumn('team', 'varchar(63)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('priority', 'varchar(10)', (c) => c.notNull())
    .addColumn('type', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('wont_do_reason', 'text')
    .addColumn('link', 'varchar(2000)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('reminded_on', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coe_action_items_owner').on('coe_action_items').columns(['owner', 'status']).execute();
  await db.schema.createIndex('coe_action_items_coe').on('coe_action_items').column('coe_id').execute();

  await db.schema
    .createTable('coe_reviews')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('coe_id', 'varchar(36)', (c) => c.notNull().references('coes.id'))
    .addColumn('reviewer', 'varchar(63)', (c) => c.notNull())
    .addColumn('outside', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coe_comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('coe_id', 'varchar(36)', (c) => c.notNull().references('coes.id'))
    .addColumn('section', 'varchar(20)', (c) => c.notNull())
    .addColumn('author', 'varchar(63)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('andon_pulls').addColumn('coe_number', 'integer').execute();
}
