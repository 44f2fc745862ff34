import type { Db } from '../../platform/db/database';
import { teamWithSubTeams } from '../teams/team-tree';
import { durations } from './coe-sections';
import { today } from './coe-store';

/** The value below which a share p of the sorted values lies, interpolating linearly between the two
 *  nearest ranks (Hyndman and Fan's type 7, the default of R, NumPy and spreadsheets' PERCENTILE.INC). */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
};

/** The last `count` calendar months (UTC) up to and including the one `now` is in, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let k = count - 1; k >= 0; k--) out.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1)).toISOString().slice(0, 7));
  return out;
}

/** Per team (with its sub-teams) and month: how fast incidents were detected, mitigated and resolved,
 *  how many action items were closed by their due date, and which services had COEs. */
export function createCoeFigures({ db, clock }: { db: Db; clock: () => Date }) {
  return (query: { team?: string; months: number }) =>
    db.transaction().execute(async (trx) => {
      const now = clock();
      const months = lastMonths(now, query.months);
      const first = `${months[0]}-01`;
      const teams = await teamWithSubTeams(trx, query.team);
      const buckets = new Map(months.map((m) => [m, { coes: 0, detect: [] as number[], mitigate: [] as number[], resolve: [] as number[], due: 0, onTime: 0 }]));
      const services = new Map<string, number>();

      const coes = teams.length
        ? await trx
            .selectFrom('coes as c')
            .innerJoin('coe_sections as s', (j) => j.onRef('s.coe_id', '=', 'c.id').on('s.name', '=', 'timeline'))
            .select(['c.created_at', 'c.services_json', 's.content_json'])
            .where('c.team', 'in', teams)
            .execute()
        : [];
      for (const c of coes) {
        const timeline = JSON.parse(c.content_json) as { at: string; text: string; milestone?: 'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved' }[];
        // An incident counts in the month it started; without a started milestone, when its COE was written.
        const started = timeline.find((t) => t.milestone === 'started');
        const month = (started ? new Date(started.at).toISOString() : c.created_at).slice(0, 7);
        const bucket = buckets.get(month);
        if (!bucket) continue;
        bucket.coes++;
        const d = durations(timeline);
        if (d.secondsToDetect !== null) bucket.detect.push(d.secondsToDetect);
        if (d.secondsToMitigate !== null) bucket.mitigate.push(d.secondsToMitigate);
        if (d.secondsToResolve !== null) bucket.resolve.push(d.secondsToResolve);
        for (const s of JSON.parse(c.services_json) as string[]) services.set(s, (services.get(s) ?? 0) + 1);
      }

      // An item counts in the month it was due, once it is settled: done, or past its due date.
      // Won't-do items are left out: deciding not to do something is not lateness.
      const day = today(now);
      const items = teams.length
        ? await trx.selectFrom('coe_action_items').select(['due_date', 'status', 'closed_at']).where('team', 'in', teams).where('due_date', '>=', first).where('status', '!=', 'wont_do').execute()
        : [];
      for (const i of items) {
        const bucket = buckets.get(i.due_date.slice(0, 7));
        if (!bucket || (i.status !== 'done' && i.due_date >= day)) continue;
        bucket.due++;
        if (i.status === 'done' && i.closed_at !== null && i.closed_at.slice(0, 10) <= i.due_date) bucket.onTime++;
      }

      return {
        team: query.team?.toLowerCase() ?? null,
        teams,
        months: months.map((month) => {
          const b = buckets.get(month)!;
          return {
            month,
            coes: b.coes,
            timeToDetect: summary(b.detect),
            timeToMitigate: summary(b.mitigate),
            timeToResolve: summary(b.resolve),
            actionItems: { due: b.due, onTime: b.onTime, onTimePercent: b.due ? Math.round((1000 * b.onTime) / b.due) / 10 : null },
          };
        }),
        services: [...services].map(([service, count]) => ({ service, coes: count })).sort((a, b) => b.coes - a.coes || a.service.localeCompare(b.service)),
      };
    });
}
export type CoeFigures = ReturnType<typeof createCoeFigures>;
