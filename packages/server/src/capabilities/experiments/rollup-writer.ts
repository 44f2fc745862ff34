import { sql } from 'kysely';
import { bucketRanges, type Range } from '@dayone/sdk';
import type { Db, Dialect } from '../../platform/db/database';
import type { BulkWriter } from '../../platform/db/bulk-writer';
import type { ExperimentEventsTable, ExperimentExposuresTable, ExperimentUserMetricsTable } from '../../platform/db/schema';
import type { presentExperiment } from './experiments-store';
import { emptySums, type MetricSums } from './metric-analysis';

type Running = ReturnType<typeof presentExperiment>;
type Aggregation = Running['metrics'][number]['aggregation'];
type Exposure = { variant: number; day: string };
type Delta = MetricSums & { experiment: string; day: string };
/** Rows per statement for the per-day rollups: well under both stores' bound-value limits at 10 columns. */
const ROWS_PER_STATEMENT = 2000;

/** A user's values of one metric: y (the value after first exposure) and x (the pre-exposure covariate). */
type UserMetric = { value: number; events: number; covariate: number; covariate_events: number; changed: boolean };

/** One user of one experiment in the batch: the first exposure (from before or from this batch) and
 *  the values per metric, in the order of the experiment's metrics. */
export type BatchUser = { target: RollupTarget; id: string; exposure: Exposure | undefined; values: (UserMetric | undefined)[]; load: boolean };

/** One experiment's share of a batch, worked out once: metrics by key, the assignment ranges, and
 *  the batch's users by id, so the events of a user find their rows without building keys. */
export type RollupTarget = {
  experiment: Running;
  metricIndex: Map<string, number>;
  aggregations: Aggregation[];
  ranges: Range[];
  users: Map<string, BatchUser>;
  /** Per day of first exposure: the day's deltas by metric and variant (metric × variants + variant). */
  days: Map<string, (Delta | undefined)[]>;
};

/** A user's value after adding one event, by the metric's aggregation. */
function aggregate(aggregation: Aggregation, before: number, events: number, value: number) {
  return aggregation === 'sum' ? before + value : aggregation === 'count' ? events : 1;
}

/** Moves the sums of an exposed user's (x, y) from (beforeX, beforeY) to the user's current values. */
function shift(d: MetricSums, row: UserMetric, beforeX: number, beforeY: number) {
  d.sum += row.value - beforeY;
  d.sum_squares += row.value * row.value - beforeY * beforeY;
  d.covariate_sum += row.covariate - beforeX;
  d.covariate_sum_squares += row.covariate * row.covariate - beforeX * beforeX;
  d.sum_products += row.value * row.covariate - beforeY * beforeX;
}

/** The rollups of one batch, worked out in memory and written with a handful of bulk statements:
 *  new exposures, changed per-user values, and one change per variant row and per daily row.
 *  Per user and metric: y (the value after first exposure) and x (the pre-exposure covariate); per
 *  variant, and per variant and day of first exposure: n, Σy, Σy², Σx, Σx², Σxy of exposed users. */
export function createRollupWriter(trx: Db, dialect: Dialect, bulk: BulkWriter) {
  const targets: RollupTarget[] = [];
  const newExposures: ExperimentExposuresTable[] = [];
  /** The user metric values changed by the batch, as (user, metric index) pairs, in the order first changed. */
  const changedUsers: BatchUser[] = [];
  const changedMetrics: number[] = [];
  /** In the order they were first touched, which is the order their sums are added up in. */
  const deltas: Delta[] = [];
  let lastAt = '';
  let lastDay = '';

  const dayOf = (at: string) => {
    if (at !== lastAt) {
      lastAt = at;
      lastDay = at.slice(0, 10);
    }
    return lastDay;
  };

  const delta = (t: RollupTarget, metric: number, exposure: Exposure) => {
    let day = t.days.get(exposure.day);
    if (!day) t.days.set(exposure.day, (day = []));
    const at = metric * t.experiment.variants.length + exposure.variant;
    let d = day[at];
    if (!d) {
      d = { ...emptySums(t.experiment.metrics[metric].key, exposure.variant), experiment: t.experiment.key, day: exposure.day };
      day[at] = d;
      deltas.push(d);
    }
    return d;
  };

  /** The batch's users as one parameter (a JSON array read by json_each on SQLite, an array on
   *  PostgreSQL), so any number of them takes one short statement rather than thousands of bound values. */
  const userIn = (users: string[]) => (dialect === 'postgres' ? sql<boolean>`user_id = any(${users})` : sql<boolean>`user_id in (select value from json_each(${JSON.stringify(users)}))`);

  return {
    /** The rollup state of one running experiment for this batch. */
    target(e: Running): RollupTarget {
      const t: RollupTarget = {
        experiment: e,
        metricIndex: new Map(e.metrics.map((m, i) => [m.key, i])),
        aggregations: e.metrics.map((m) => m.aggregation),
        ranges: bucketRanges(e.variants.length, e.coverage, e.variants.map((v) => v.weight)),
        users: new Map(),
        days: new Map(),
      };
      targets.push(t);
      return t;
    },

    /** The batch's state of one user of an experiment. */
    user(t: RollupTarget, id: string): BatchUser {
      let u = t.users.get(id);
      if (!u) t.users.set(id, (u = { target: t, id, exposure: undefined, values: [], load: false }));
      return u;
    },

    /** Inserts the raw events, ignoring ids seen before; answers the ids that are new. A batch's events
     *  share a few experiments, types, metrics and times, written into the statements once. */
    recordRaw(rows: ExperimentEventsTable[]): Promise<Set<string>> {
      return bulk.insertNewInline(trx, 'experiment_events', 'id', rows, ['experiment_key', 'type', 'metric', 'at']);
    },

    /** Reads the exposures and per-user values that the users marked `load` already have. The metric
     *  keys are named so each user's values are found through the key (experiment, metric, user)
     *  rather than by scanning all of the experiment's users. */
    async load() {
      for (const t of targets) {
        const ids: string[] = [];
        for (const u of t.users.values()) if (u.load) ids.push(u.id);
        if (!ids.length) continue;
        const key = t.experiment.key;
        const seen = await trx.selectFrom('experiment_exposures').select(['user_id', 'variant', 'first_at']).where('experiment_key', '=', key).where(userIn(ids)).execute();
        for (const s of seen) t.users.get(s.user_id)!.exposure = { variant: Number(s.variant), day: s.first_at.slice(0, 10) };
        const values = await trx
          .selectFrom('experiment_user_metrics')
          .select(['metric', 'user_id', 'value', 'events', 'covariate', 'covariate_events'])
          .where('experiment_key', '=', key)
          .where('metric', 'in', [...t.metricIndex.keys()])
          .where(userIn(ids))
          .execute();
        for (const v of values) {
          t.users.get(v.user_id)!.values[t.metricIndex.get(v.metric)!] = { value: Number(v.value), events: Number(v.events), covariate: Number(v.covariate), covariate_events: Number(v.covariate_events), changed: false };
        }
      }
    },

    /** The first exposure fixes the variant and counts the user (with any covariate sent before) in every metric. */
    expose(u: BatchUser, variant: number, at: string) {
      if (u.exposure) return;
      const t = u.target;
      const exposure = { variant, day: dayOf(at) };
      u.exposure = exposure;
      newExposures.push({ experiment_key: t.experiment.key, user_id: u.id, variant, first_at: at });
      for (let m = 0; m < t.aggregations.length; m++) {
        const d = delta(t, m, exposure);
        d.users += 1;
        const row = u.values[m];
        if (row) shift(d, row, 0, 0);
      }
    },

    /** A value counts once the user has been exposed; a pre-exposure value counts into the covariate
     *  at any time (and into the sums once the user is exposed). */
    measure(u: BatchUser, metric: number, value: number, preExposure: boolean) {
      const exposure = u.exposure;
      if (exposure === undefined && !preExposure) return;
      const t = u.target;
      const aggregation = t.aggregations[metric];
      let row = u.values[metric];
      if (!row) u.values[metric] = row = { value: 0, events: 0, covariate: 0, covariate_events: 0, changed: false };
      const beforeX = row.covariate;
      const beforeY = row.value;
      if (preExposure) {
        row.covariate_events += 1;
        row.covariate = aggregate(aggregation, row.covariate, row.covariate_events, value);
      } else {
        row.events += 1;
        row.value = aggregate(aggregation, row.value, row.events, value);
      }
      if (!row.changed) {
        row.changed = true;
        changedUsers.push(u);
        changedMetrics.push(metric);
      }
      if (exposure) shift(delta(t, metric, exposure), row, beforeX, beforeY);
    },

    async flush() {
      await bulk.upsertInline(trx, 'experiment_exposures', newExposures, ['experiment_key', 'first_at']);
      const rows: ExperimentUserMetricsTable[] = new Array(changedUsers.length);
      for (let k = 0; k < rows.length; k++) {
        const u = changedUsers[k];
        const e = u.target.experiment;
        const v = u.values[changedMetrics[k]]!;
        rows[k] = { experiment_key: e.key, metric: e.metrics[changedMetrics[k]].key, user_id: u.id, value: v.value, events: v.events, covariate: v.covariate, covariate_events: v.covariate_events };
      }
      await bulk.upsertInline(trx, 'experiment_user_metrics', rows, ['experiment_key', 'metric'], { columns: ['experiment_key', 'metric', 'user_id'], update: ['value', 'events', 'covariate', 'covariate_events'] });
      const byVariant = new Map<string, MetricSums & { experiment: string }>();
      for (const d of deltas) {
        const key = `${d.experiment}\u0000${d.metric}\u0000${d.variant}`;
        const total = byVariant.get(key) ?? { ...emptySums(d.metric, d.variant), experiment: d.experiment };
        for (const f of SUM_FIELDS) total[f] += d[f];
        byVariant.set(key, total);
      }
      for (const d of byVariant.values()) {
        await trx
          .updateTable('experiment_variant_stats')
          .set((eb) => Object.fromEntries(SUM_FIELDS.map((f) => [f, eb(f, '+', d[f])])))
          .where('experiment_key', '=', d.experiment)
          .where('metric', '=', d.metric)
          .where('variant', '=', d.variant)
          .execute();
      }
      const daily = deltas.map(({ experiment, metric, variant, day, ...sums }) => ({ experiment_key: experiment, metric, variant, day, ...sums }));
      for (let i = 0; i < daily.length; i += ROWS_PER_STATEMENT) {
        await trx
          .insertInto('experiment_daily_stats')
          .values(daily.slice(i, i + ROWS_PER_STATEMENT))
          .onConflict((oc) =>
            oc.columns(['experiment_key', 'metric', 'variant', 'day']).doUpdateSet(Object.fromEntries(SUM_FIELDS.map((f) => [f, sql`experiment_daily_stats.${sql.ref(f)} + excluded.${sql.ref(f)}`]))),
          )
          .execute();
      }
    },
  };
}
export type RollupWriter = ReturnType<typeof createRollupWriter>;

const SUM_FIELDS = ['users', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_products'] as const;
