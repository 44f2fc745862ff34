import type { Kysely } from 'kysely';

/** A team's flywheel: its definition (one row per team, versioned), the metrics of the loop and its spurs
 *  (each pointing to the metric it drives), and weekly values keyed by metric and week (the Monday).
 *  Values stay keyed by the metric's key, so a metric taken out of the loop and put back keeps its history. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('flywheels')
    .addColumn('team_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('flywheel_metrics')
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('flywheels.team_id'))
    .addColumn('key', 'varchar(40)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('unit', 'varchar(30)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('next_key', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('flywheel_metrics_pk', ['team_id', 'key'])
    .execute();
  await db.schema
    .createTable('flywheel_values')
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('flywheels.team_id'))
    .addColumn('metric_key', 'varchar(40)', (c) => c.notNull())
    .addColumn('week', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('flywheel_values_pk', ['team_id', 'metric_key', 'week'])
    .execute();
}
