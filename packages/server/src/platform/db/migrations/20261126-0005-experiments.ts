import type { Kysely } from 'kysely';

/** Experiments, their raw events (kept for idempotency and audit), and the rollups analysis reads:
 *  first exposure per user, each user's value per metric, and per-variant sufficient statistics. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('experiments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('key', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('hypothesis', 'text', (c) => c.notNull())
    .addColumn('team', 'varchar(63)', (c) => c.notNull())
    .addColumn('services_json', 'text', (c) => c.notNull())
    .addColumn('prfaq', 'varchar(200)')
    .addColumn('variants_json', 'text', (c) => c.notNull())
    .addColumn('coverage', 'double precision', (c) => c.notNull())
    .addColumn('metrics_json', 'text', (c) => c.notNull())
    .addColumn('engine', 'varchar(20)', (c) => c.notNull())
    .addColumn('hash_version', 'integer', (c) => c.notNull())
    .addColumn('seed', 'varchar(100)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('stopped_at', 'varchar(32)')
    .addColumn('decision', 'varchar(20)')
    .addColumn('lesson', 'text')
    .addColumn('decided_by', 'varchar(63)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('experiments_team').on('experiments').columns(['team', 'created_at']).execute();

  await db.schema
    .createTable('experiment_events')
    .addColumn('id', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('experiment_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('metric', 'varchar(100)')
    .addColumn('user_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('experiment_exposures')
    .addColumn('experiment_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('variant', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('experiment_exposures_pk', ['experiment_key', 'user_id'])
    .execute();

  await db.schema
    .createTable('experiment_user_metrics')
    .addColumn('experiment_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('metric', 'varchar(100)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('experiment_user_metrics_pk', ['experiment_key', 'metric', 'user_id'])
    .execute();

  await db.schema
    .createTable('experiment_variant_stats')
    .addColumn('experiment_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('metric', 'varchar(100)', (c) => c.notNull())
    .addColumn('variant', 'integer', (c) => c.notNull())
    .addColumn('users', 'integer', (c) => c.notNull())
    .addColumn('sum', 'double precision', (c) => c.notNull())
    .addColumn('sum_squares', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('experiment_variant_stats_pk', ['experiment_key', 'metric', 'variant'])
    .execute();
}
