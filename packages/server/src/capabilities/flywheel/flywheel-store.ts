import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { FlywheelMetricsTable, FlywheelsTable, FlywheelValuesTable } from '../../platform/db/schema';

export type FlywheelRow = FlywheelsTable;
export type MetricRow = FlywheelMetricsTable;
export type ValueRow = FlywheelValuesTable;

/** The flywheel's rows, by team id. */
export const flywheelStore = {
  team: (trx: Db, name: string) => trx.selectFrom('teams').select(['id', 'name']).where(sql<string>`lower(name)`, '=', name.toLowerCase()).executeTakeFirst(),
  flywheel: (trx: Db, teamId: string) => trx.selectFrom('flywheels').selectAll().where('team_id', '=', teamId).executeTakeFirst(),
  metrics: (trx: Db, teamId: string) => trx.selectFrom('flywheel_metrics').selectAll().where('team_id', '=', teamId).orderBy('position').execute(),

  /** The first definition; false when another writer made it first. */
  async create(trx: Db, row: FlywheelRow): Promise<boolean> {
    const result = await trx.insertInto('flywheels').values(row).onConflict((oc) => oc.column('team_id').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** The next version, only over the version read; false when someone changed it first. */
  async bump(trx: Db, teamId: string, expected: number, by: string, at: string): Promise<boolean> {
    const result = await trx.updateTable('flywheels').set({ version: expected + 1, updated_by: by, updated_at: at }).where('team_id', '=', teamId).where('version', '=', expected).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  async replaceMetrics(trx: Db, teamId: string, metrics: MetricRow[]) {
    await trx.deleteFrom('flywheel_metrics').where('team_id', '=', teamId).execute();
    await trx.insertInto('flywheel_metrics').values(metrics).execute();
  },

  /** Each metric's most recent value. */
  latest: (trx: Db, teamId: string) =>
    trx
      .selectFrom('flywheel_values as v')
      .select(['v.metric_key', 'v.week', 'v.value'])
      .where('v.team_id', '=', teamId)
      .where((eb) => eb('v.week', '=', eb.selectFrom('flywheel_values as w').select((w) => w.fn.max('w.week').as('m')).whereRef('w.team_id', '=', 'v.team_id').whereRef('w.metric_key', '=', 'v.metric_key')))
      .execute(),

  /** The most recent week holding a value of any of these metrics. */
  async lastWeek(trx: Db, teamId: string, keys: string[]): Promise<string | null> {
    const row = await trx.selectFrom('flywheel_values').select((eb) => eb.fn.max('week').as('week')).where('team_id', '=', teamId).where('metric_key', 'in', keys).executeTakeFirst();
    return (row?.week as string | null | undefined) ?? null;
  },

  range: (trx: Db, teamId: string, from: string, to: string) =>
    trx.selectFrom('flywheel_values').selectAll().where('team_id', '=', teamId).where('week', '>=', from).where('week', '<=', to).orderBy('metric_key').orderBy('week').execute(),

  inWeeks: (trx: Db, teamId: string, weeks: string[]) => trx.selectFrom('flywheel_values').select(['metric_key', 'week', 'value']).where('team_id', '=', teamId).where('week', 'in', weeks).execute(),

  /** The values already kept for these metric and week pairs (read in chunks of weeks). */
  async existing(trx: Db, teamId: string, rows: { metric: string; week: string }[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    const weeks = [...new Set(rows.map((r) => r.week))];
    for (let i = 0; i < weeks.length; i += 500) {
      const batch = await trx.selectFrom('flywheel_values').select(['metric_key', 'week', 'value']).where('team_id', '=', teamId).where('week', 'in', weeks.slice(i, i + 500)).execute();
      for (const v of batch) found.set(`${v.metric_key}|${v.week}`, v.value);
    }
    return found;
  },

  async upsertValues(trx: Db, rows: ValueRow[]) {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('flywheel_values')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['team_id', 'metric_key', 'week']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at') })))
        .execute();
    }
  },
};
