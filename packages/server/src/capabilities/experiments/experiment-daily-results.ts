import type { Experiment, ExperimentDailyResults } from '@dayone/contracts';
import { addSums, analyseMetric, emptySums, type MetricSums } from './metric-analysis';

type DailyRow = MetricSums & { day: string };

/** The results as they stood at the end of each day: the users first exposed up to that day, with
 *  their values now, analysed as the results page analyses everyone. Read from the daily rollups. */
export function experimentDailyResults(e: Experiment, rows: DailyRow[]): ExperimentDailyResults {
  const running = new Map<string, MetricSums>();
  const key = (metric: string, variant: number) => `${metric}\u0000${variant}`;
  const byDay = new Map<string, DailyRow[]>();
  for (const r of rows) {
    const list = byDay.get(r.day);
    if (list) list.push(r);
    else byDay.set(r.day, [r]);
  }
  const days = [...byDay.keys()].sort();
  return {
    key: e.key,
    engine: e.engine,
    variants: e.variants.map((v) => v.name),
    days: days.map((day) => {
      for (const r of byDay.get(day)!) {
        const k = key(r.metric, Number(r.variant));
        running.set(k, addSums(running.get(k) ?? emptySums(r.metric, Number(r.variant)), r));
      }
      const sumsOf = (metric: string) => e.variants.map((_, v) => running.get(key(metric, v)) ?? emptySums(metric, v));
      return {
        day,
        users: sumsOf(e.metrics[0].key).map((s) => Number(s.users)),
        metrics: e.metrics.map((m) => ({
          key: m.key,
          variants: analyseMetric(e, m, sumsOf(m.key)).map((t, i) => ({ name: e.variants[i + 1].name, effect: t ? t.effect : null, ci: t ? t.ci : null })),
        })),
      };
    }),
  };
}
