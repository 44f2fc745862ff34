import type { Insights } from '@dayone/contracts';
import type { InsightFacts } from './insights-facts';

const DAY = 86_400_000;

/** The Monday (UTC) of the week a time falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const day = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * DAY).toISOString().slice(0, 10);
}

/** Counts per week over the period, oldest first, every week present even when nothing happened. */
export function weeklyTrend(f: InsightFacts, from: string, to: string): Insights['trend'] {
  const weeks: string[] = [];
  for (let at = Date.parse(weekOf(from)); at <= Date.parse(to); at += 7 * DAY) weeks.push(new Date(at).toISOString().slice(0, 10));
  const count = (dates: (string | null)[]) => {
    const per = new Map<string, number>();
    for (const d of dates) if (d) per.set(weekOf(d), (per.get(weekOf(d)) ?? 0) + 1);
    return per;
  };
  const decisions = count(f.decisions.map((d) => d.decidedAt));
  const pulls = count(f.pulls.map((p) => p.pulledAt));
  const coes = count(f.coesCreatedAt);
  const experiments = count(f.experimentsDecidedAt);
  return weeks.map((week) => ({ week, prfaqDecisions: decisions.get(week) ?? 0, andonPulls: pulls.get(week) ?? 0, coes: coes.get(week) ?? 0, experimentsDecided: experiments.get(week) ?? 0 }));
}
