import type { Kysely } from 'kysely';

/** Andon cord pulls, their timeline and time-boxed overrides. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('andon_pulls')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('target_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('target_name', 'varchar(200)')
    .addColumn('target_ref', 'varchar(200)')
    .addColumn('environment', 'varchar(63)')
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_team', 'varchar(63)')
    .addColumn('pulled_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('pulled_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('acknowledged_by', 'varchar(63)')
    .addColumn('acknowledged_at', 'varchar(32)')
    .addColumn('resolved_by', 'varchar(63)')
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolution', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('andon_pulls_status').on('andon_pulls').column('status').execute();
  await db.schema.createIndex('andon_pulls_owner').on('andon_pulls').columns(['owner_team', 'pulled_at']).execute();

  await db.schema
    .createTable('andon_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('pull_id', 'varchar(36)', (c) => c.notNull().references('andon_pulls.id'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor', 'varchar(63)', (c) => c.notNull())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('body', 'text')
    .execute();
  await db.schema.createIndex('andon_events_pull').on('andon_events').columns(['pull_id', 'at']).execute();

  await db.schema
    .createTable('andon_overrides')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('pull_id', 'varchar(36)', (c) => c.notNull().references('andon_pulls.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('andon_overrides_pull').on('andon_overrides').column('pull_id').execute();
}
