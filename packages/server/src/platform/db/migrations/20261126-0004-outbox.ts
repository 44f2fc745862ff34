import type { Kysely } from 'kysely';

/** The transactional outbox (notices, one delivery per notice and subscriber, every attempt) and webhooks.
 *  Portable: text ids, ISO times (which sort as text), integers for flags. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_notices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('type', 'varchar(100)', (c) => c.notNull())
    .addColumn('occurred_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('team', 'varchar(63)')
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_notices_occurred').on('outbox_notices').column('occurred_at').execute();

  await db.schema
    .createTable('outbox_deliveries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('notice_id', 'varchar(36)', (c) => c.notNull().references('outbox_notices.id'))
    .addColumn('sink', 'varchar(30)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(32)')
    .addColumn('claimed_until', 'varchar(32)')
    .addColumn('claimed_by', 'varchar(36)')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_deliveries_due').on('outbox_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_deliveries_target').on('outbox_deliveries').columns(['sink', 'target_id', 'created_at']).execute();

  await db.schema
    .createTable('outbox_attempts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('delivery_id', 'varchar(36)', (c) => c.notNull().references('outbox_deliveries.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('outbox_attempts_delivery').on('outbox_attempts').columns(['delivery_id', 'attempt']).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('format', 'varchar(10)', (c) => c.notNull())
    .addColumn('events_json', 'text', (c) => c.notNull())
    .addColumn('team_id', 'varchar(36)')
    .addColumn('team_name', 'varchar(63)')
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('secret', 'varchar(100)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_team').on('webhooks').column('team_id').execute();
}
