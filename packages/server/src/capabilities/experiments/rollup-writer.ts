import { sql } from 'kysely';
import type { EventLine } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { BulkWriter } from '../../platform/db/bulk-writer';
import type { ExperimentExposuresTable, ExperimentUserMetricsTable } from '../../platform/db/schema';
import type { presentExperiment } from './experiments-store';
import { emptySums, type MetricSums } from './metric-analysis';

type Running = ReturnType<typeof presentExperiment>;
type MetricEvent = Extract<EventLine, { type: 'metric' }>;
/** Rows per bulk statement (and users per `in` list): large enough that a batch of 10,000 events
 *  takes a handful of statements, small enough for SQLite's 32,766 and PostgreSQL's 65,535 bound
 *  values at 10 columns. Measured: 2,000 reads the batch's users about 3× faster than 400. */
const ROWS_PER_STATEMENT = 2000;

function* chunks<T>(values: T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}

const userKey = (experiment: string, user: string) => `${experiment}\u0000${user}`;
const metricKey = (experiment: string, metric: string, user: string) => `${experiment}\u0000${metric}\u0000${user}`;

/** A user's value after adding one event, by the metric's aggregation. */
function aggregate(aggregation: 'sum' | 'count' | 'any', before: number, events: number, value: number) {
  return aggregation === 'sum' ? before + value : aggregation === 'count' ? events : 1;
}

/** The rollups of one batch, worked out in memory and written with a handful of bulk statements:
 *  new exposures, changed per-user values, and one change per variant row and per daily row.
 *  Per user and metric: y (the value after first exposure) and x (the pre-exposure covariate); per
 *  variant, and per variant and day of first exposure: n, Σy, Σy², Σx, Σx², Σxy of exposed users. */
export function createRollupWriter(trx: Db, bulk: BulkWriter) {
  const exposures = new Map<string, { variant: number; day: string }>();
  const newExposures: ExperimentExposuresTable[] = [];
  const userValues = new Map<string, ExperimentUserMetricsTable>();
  const changedUsers = new Set<string>();
  const deltas = new Map<string, MetricSums & { experiment: string; day: string }>();

  const delta = (experiment: string, metric: string, exposure: { variant: number; day: string }) => {
    const key = `${experiment}\u0000${metric}\u0000${exposure.variant}\u0000${exposure.day}`;
    let d = deltas.get(key);
    if (!d) deltas.set(key, (d = { ...emptySums(metric, exposure.variant), experiment, day: exposure.day }));
    return d;
  };

  /** Moves the sums of an exposed user's (x, y) from `before` to the row's current values. */
  const shift = (d: MetricSums, row: ExperimentUserMetricsTable, before: { x: number; y: number }) => {
    d.sum += row.value - before.y;
    d.sum_squares += row.value * row.value - before.y * before.y;
    d.covariate_sum += row.covariate - before.x;
    d.covariate_sum_squares += row.covariate * row.covariate - before.x * before.x;
    d.sum_products += row.value * row.covariate - before.y * before.x;
  };

  return {
    /** Inserts the raw events, ignoring ids seen before; answers the ids that are new. */
    async recordRaw(events: (EventLine & { at: string })[]): Promise<Set<string>> {
      const rows = events.map((e) => ({
        id: e.id,
        experiment_key: e.experiment,
        type: e.type,
        metric: e.type === 'metric' ? e.metric : null,
        user_id: e.user,
        value: e.type === 'metric' ? e.value : null,
        at: e.at,
      }));
      return bulk.insertNew(trx, 'experiment_events', 'id', rows);
    },

    /** Reads the exposures and per-user values the batch's users already have. The metric keys are
     *  named so each user's values are found through the key (experiment, metric, user) rather than by
     *  scanning all of the experiment's users. */
    async load(events: EventLine[], metricsOf: (experiment: string) => string[]) {
      const byExperiment = new Map<string, Set<string>>();
      for (const e of events) {
        if (!byExperiment.has(e.experiment)) byExperiment.set(e.experiment, new Set());
        byExperiment.get(e.experiment)!.add(e.user);
      }
      for (const [experiment, users] of byExperiment) {
        for (const part of chunks([...users])) {
          const seen = await trx.selectFrom('experiment_exposures').select(['user_id', 'variant', 'first_at']).where('experiment_key', '=', experiment).where('user_id', 'in', part).execute();
          for (const s of seen) exposures.set(userKey(experiment, s.user_id), { variant: Number(s.variant), day: s.first_at.slice(0, 10) });
          const metrics = metricsOf(experiment);
          if (!metrics.length) continue;
          const values = await trx.selectFrom('experiment_user_metrics').selectAll().where('experiment_key', '=', experiment).where('metric', 'in', metrics).where('user_id', 'in', part).execute();
          for (const v of values) {
            userValues.set(metricKey(experiment, v.metric, v.user_id), { ...v, value: Number(v.value), events: Number(v.events), covariate: Number(v.covariate), covariate_events: Number(v.covariate_events) });
          }
        }
      }
    },

    /** The first exposure fixes the variant and counts the user (with any covariate sent before) in every metric. */
    expose(e: Running, user: string, variant: number, at: string) {
      const key = userKey(e.key, user);
      if (exposures.has(key)) return;
      const exposure = { variant, day: at.slice(0, 10) };
      exposures.set(key, exposure);
      newExposures.push({ experiment_key: e.key, user_id: user, variant, first_at: at });
      for (const m of e.metrics) {
        const d = delta(e.key, m.key, exposure);
        d.users += 1;
        const row = userValues.get(metricKey(e.key, m.key, user));
        if (row) shift(d, row, { x: 0, y: 0 });
      }
    },

    /** A value counts once the user has been exposed; a pre-exposure value counts into the covariate
     *  at any time (and into the sums once the user is exposed). */
    measure(e: Running, event: MetricEvent) {
      const exposure = exposures.get(userKey(e.key, event.user));
      if (exposure === undefined && !event.preExposure) return;
      const aggregation = e.metrics.find((m) => m.key === event.metric)!.aggregation;
      const key = metricKey(e.key, event.metric, event.user);
      const row = userValues.get(key) ?? { experiment_key: e.key, metric: event.metric, user_id: event.user, value: 0, events: 0, covariate: 0, covariate_events: 0 };
      const before = { x: row.covariate, y: row.value };
      if (event.preExposure) {
        row.covariate_events += 1;
        row.covariate = aggregate(aggregation, row.covariate, row.covariate_events, event.value);
      } else {
        row.events += 1;
        row.value = aggregate(aggregation, row.value, row.events, event.value);
      }
      userValues.set(key, row);
      changedUsers.add(key);
      if (exposure) shift(delta(e.key, event.metric, exposure), row, before);
    },

    async flush() {
      await bulk.upsert(trx, 'experiment_exposures', newExposures);
      const changed = [...changedUsers].map((k) => userValues.get(k)!);
      await bulk.upsert(trx, 'experiment_user_metrics', changed, { columns: ['experiment_key', 'metric', 'user_id'], update: ['value', 'events', 'covariate', 'covariate_events'] });
      const byVariant = new Map<string, MetricSums & { experiment: string }>();
      for (const d of deltas.values()) {
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
      const daily = [...deltas.values()].map(({ experiment, metric, variant, day, ...sums }) => ({ experiment_key: experiment, metric, variant, day, ...sums }));
      for (const part of chunks(daily)) {
        await trx
          .insertInto('experiment_daily_stats')
          .values(part)
          .onConflict((oc) =>
            oc.columns(['experiment_key', 'metric', 'variant', 'day']).doUpdateSet(Object.fromEntries(SUM_FIELDS.map((f) => [f, sql`experiment_daily_stats.${sql.ref(f)} + excluded.${sql.ref(f)}`]))),
          )
          .execute();
      }
    },
  };
}

const SUM_FIELDS = ['users', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_products'] as const;
