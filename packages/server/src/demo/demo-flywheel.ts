import type { DemoContext } from './demo-context';
import { DAY, HOUR, WEEK, isoDay, mondayOf } from './demo-timeline';

/** Team flywheels: the loop defined at the start of the year with last year's weekly values imported
 *  from the team's spreadsheet (CSV), then a value per metric recorded every Monday for the week before. */
interface MetricPlan {
  key: string;
  name: string;
  unit: string;
  kind: 'input' | 'output';
  next: string;
  base: number;
  /** Change over a year, relative (0.2: a fifth more by the end). */
  growth: number;
}

const LOOPS: MetricPlan[][] = [
  [
    { key: 'customer-experience', name: 'Customer experience', unit: 'score', kind: 'output', next: 'traffic', base: 71, growth: 0.06 },
    { key: 'traffic', name: 'Traffic', unit: 'visits', kind: 'output', next: 'sellers', base: 1_840_000, growth: 0.22 },
    { key: 'sellers', name: 'Sellers', unit: 'sellers', kind: 'input', next: 'selection', base: 3_900, growth: 0.15 },
    { key: 'selection', name: 'Selection', unit: 'items', kind: 'input', next: 'customer-experience', base: 412_000, growth: 0.3 },
    { key: 'lower-cost-structure', name: 'Lower cost structure', unit: '$ per order', kind: 'input', next: 'lower-prices', base: 4.1, growth: -0.08 },
    { key: 'lower-prices', name: 'Lower prices', unit: 'price index', kind: 'input', next: 'customer-experience', base: 100, growth: -0.03 },
  ],
  [
    { key: 'relevance', name: 'Relevance', unit: 'nDCG × 100', kind: 'input', next: 'searches', base: 62, growth: 0.1 },
    { key: 'searches', name: 'Searches', unit: 'searches', kind: 'output', next: 'purchases', base: 920_000, growth: 0.18 },
    { key: 'purchases', name: 'Purchases from search', unit: 'orders', kind: 'output', next: 'reviews', base: 48_000, growth: 0.2 },
    { key: 'reviews', name: 'Reviews written', unit: 'reviews', kind: 'output', next: 'relevance', base: 6_100, growth: 0.25 },
    { key: 'latency', name: 'Query latency', unit: 'ms (p99)', kind: 'input', next: 'relevance', base: 240, growth: -0.2 },
  ],
  [
    { key: 'payout-speed', name: 'Payout speed', unit: 'days', kind: 'input', next: 'sellers', base: 14, growth: -0.5 },
    { key: 'sellers', name: 'Active sellers', unit: 'sellers', kind: 'output', next: 'listings', base: 2_700, growth: 0.2 },
    { key: 'listings', name: 'Listings', unit: 'listings', kind: 'output', next: 'orders', base: 188_000, growth: 0.28 },
    { key: 'orders', name: 'Seller orders', unit: 'orders', kind: 'output', next: 'sellers', base: 61_000, growth: 0.24 },
  ],
];

export function createFlywheels(ctx: DemoContext): void {
  const { timeline, org, size, random } = ctx;
  const teams = org.products.slice(0, size.flywheels);
  teams.forEach((team, t) => {
    const loop = LOOPS[t % LOOPS.length];
    const keeper = ctx.as(org.actor(team.name));
    const url = `/api/v1/teams/${team.name}/flywheel`;
    const firstWeek = mondayOf(timeline.start) - 52 * WEEK;
    const noise = new Map<string, number>();
    const value = (m: MetricPlan, week: number) => {
      const id = `${m.key}:${week}`;
      if (!noise.has(id)) noise.set(id, random.normal(0, 0.02));
      const years = (week - firstWeek) / (52 * WEEK);
      const season = 1 + (m.growth >= 0 ? 0.06 : 0.02) * Math.sin(2 * Math.PI * years + t);
      const v = m.base * (1 + m.growth * years) * season * (1 + noise.get(id)!);
      return m.base >= 1000 ? Math.round(v) : Math.round(v * 10) / 10;
    };
    timeline.at(timeline.start + 2 * DAY + t * HOUR, `flywheel of ${team.name}`, async () => {
      await ctx.api.send(keeper, 'PUT', url, { metrics: loop.map(({ key, name, unit, kind, next }) => ({ key, name, unit, kind, next })) });
      // Last year's values, from the spreadsheet the team kept until now.
      const rows = ['metric,week,value'];
      for (let week = firstWeek; week < mondayOf(timeline.start); week += WEEK) for (const m of loop) rows.push(`${m.key},${isoDay(week)},${value(m, week)}`);
      await ctx.api.send(keeper, 'POST', `${url}/values`, undefined, { raw: rows.join('\n') + '\n', headers: { 'content-type': 'text/csv' } });
    });
    // Every Monday morning, last week's numbers.
    for (let monday = mondayOf(timeline.start) + WEEK; monday <= timeline.end; monday += WEEK) {
      const week = monday - WEEK;
      timeline.at(monday + 9 * HOUR + t * 10 * 60_000, `flywheel values of ${team.name}`, () =>
        ctx.api.post(keeper, `${url}/values`, { values: loop.map((m) => ({ metric: m.key, week: isoDay(week), value: value(m, week) })) }),
      );
    }
  });
}
