import { sql } from 'kysely';
import type { EventLine } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { ExperimentExposuresTable, ExperimentUserMetricsTable } from '../../platform/db/schema';
import type { presentExperiment } from './experiments-store';

type Running = ReturnType<typeof presentExperiment>;
const ROWS_PER_STATEMENT = 400;

function* chunks<T>(values: T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}

const userKey = (experiment: string, user: string) => `${experiment}\u0000${user}`;
const metricKey = (experiment: string, metric: string, user: string) => `${experiment}\u0000${metric}\u0000${user}`;

/** The rollups of one batch, worked out in memory and written with a handful of bulk statements:
 *  new exposures, changed per-user metric values, and one update per changed variant row. */
export function createRollupWriter(trx: Db) {
  const exposures = new Map<string, number>();
  const newExposures: ExperimentExposuresTable[] = [];
  const userValues = new Map<string, ExperimentUserMetricsTable>();
  const changedUsers = new Set<string>();
  const deltas = new Map<string, { experiment: string; metric: string | null; variant: number; users: number; sum: number; sumSquares: number }>();

  const delta = (experiment: string, metric: string | null, variant: number) => {
    const key = `${experiment}\u0000${metric ?? ''}\u0000${variant}`;
    let d = deltas.get(key);
    if (!d) deltas.set(key, (d = { experiment, metric, variant, users: 0, sum: 0, sumSquares: 0 }));
    return d;
  };

  return {
    /** Inserts the raw events, ignoring ids seen before; answers the ids that are new. */
    async recordRaw(events: (EventLine & { at: string })[]): Promise<Set<string>> {
      const fresh = new Set<string>();
      for (const part of chunks(events)) {
        const rows = part.map((e) => ({
          id: e.id,
          experiment_key: e.experiment,
          type: e.type,
          metric: e.type === 'metric' ? e.metric : null,
          user_id: e.user,
          value: e.type === 'metric' ? e.value : null,
          at: e.at,
        }));
        const inserted = await trx.insertInto('experiment_events').values(rows).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
        for (const r of inserted) fresh.add(r.id);
      }
      return fresh;
    },

    /** Reads the exposures and per-user values the batch's users already have. */
    async load(events: EventLine[]) {
      const byExperiment = new Map<string, Set<string>>();
      for (const e of events) {
        if (!byExperiment.has(e.experiment)) byExperiment.set(e.experiment, new Set());
        byExperiment.get(e.experiment)!.add(e.user);
      }
      for (const [experiment, users] of byExperiment) {
        for (const part of chunks([...users])) {
          const seen = await trx.selectFrom('experiment_exposures').select(['user_id', 'variant']).where('experiment_key', '=', experiment).where('user_id', 'in', part).execute();
          for (const s of seen) exposures.set(userKey(experiment, s.user_id), Number(s.variant));
          const values = await trx.selectFrom('experiment_user_metrics').selectAll().where('experiment_key', '=', experiment).where('user_id', 'in', part).execute();
          for (const v of values) userValues.set(metricKey(experiment, v.metric, v.user_id), { ...v, value: Number(v.value), events: Number(v.events) });
        }
      }
    },

    expose(e: Running, user: string, variant: number, at: string) {
      const key = userKey(e.key, user);
      if (exposures.has(key)) return;
      exposures.set(key, variant);
      newExposures.push({ experiment_key: e.key, user_id: user, variant, first_at: at });
      delta(e.key, null, variant).users += 1;
    },

    /** A metric value counts only once the user has been exposed. */
    measure(e: Running, metric: string, user: string, value: number) {
      const variant = exposures.get(userKey(e.key, user));
      if (variant === undefined) return;
      const aggregation = e.metrics.find((m) => m.key === metric)!.aggregation;
      const key = metricKey(e.key, metric, user);
      const row = userValues.get(key) ?? { experiment_key: e.key, metric, user_id: user, value: 0, events: 0 };
      const before = row.value;
      row.events += 1;
      row.value = aggregation === 'sum' ? before + value : aggregation === 'count' ? row.events : 1;
      userValues.set(key, row);
      changedUsers.add(key);
      const d = delta(e.key, metric, variant);
      d.sum += row.value - before;
      d.sumSquares += row.value * row.value - before * before;
    },

    async flush() {
      for (const part of chunks(newExposures)) await trx.insertInto('experiment_exposures').values(part).execute();
      const changed = [...changedUsers].map((k) => userValues.get(k)!);
      for (const part of chunks(changed)) {
        await trx
          .insertInto('experiment_user_metrics')
          .values(part)
          .onConflict((oc) => oc.columns(['experiment_key', 'metric', 'user_id']).doUpdateSet({ value: sql`excluded.value`, events: sql`excluded.events` }))
          .execute();
      }
      for (const d of deltas.values()) {
        let q = trx
          .updateTable('experiment_variant_stats')
          .set((eb) => ({ users: eb('users', '+', d.users), sum: eb('sum', '+', d.sum), sum_squares: eb('sum_squares', '+', d.sumSquares) }))
          .where('experiment_key', '=', d.experiment)
          .where('variant', '=', d.variant);
        if (d.metric !== null) q = q.where('metric', '=', d.metric);
        await q.execute();
      }
    },
  };
}
