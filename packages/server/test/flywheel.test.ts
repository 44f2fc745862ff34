import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

const AMAZON = [
  { key: 'customer-experience', name: 'Customer experience', unit: 'score', kind: 'output', next: 'traffic' },
  { key: 'traffic', name: 'Traffic', unit: 'visits', kind: 'output', next: 'sellers' },
  { key: 'sellers', name: 'Sellers', unit: 'sellers', kind: 'input', next: 'selection' },
  { key: 'selection', name: 'Selection', unit: 'items', kind: 'input', next: 'customer-experience' },
  { key: 'lower-cost-structure', name: 'Lower cost structure', unit: '$ per order', kind: 'input', next: 'lower-prices' },
  { key: 'lower-prices', name: 'Lower prices', unit: '$', kind: 'input', next: 'customer-experience' },
];

describe.each(dialects)('team flywheel on %s', (dialect) => {
  let t: TestApp;
  let olga: Caller;
  let rhea: Caller;
  const url = '/api/v1/teams/payments/flywheel';
  beforeAll(async () => {
    // Thursday 26 November 2026: the current week starts on Monday the 23rd.
    t = await createTestApp(dialect, { clock: () => new Date('2026-11-26T12:00:00Z') });
    await signUp(t.app, 'root');
    olga = await signUp(t.app, 'olga');
    rhea = await signUp(t.app, 'rhea');
    await call(t.app, olga, 'POST', '/api/v1/teams', { name: 'payments' });
    await call(t.app, rhea, 'POST', '/api/v1/teams', { name: 'search' });
  });
  afterAll(() => t.close());

  const csv = (caller: Caller, body: string, query = '') => call(t.app, caller, 'POST', `${url}/values${query}`, body, { 'content-type': 'text/csv' });
  const count = async () => (await call(t.app, olga, 'GET', `${url}/values?from=2024-01-01&to=2026-11-23`)).body.items.length;

  it('has no flywheel until a member defines one; outsiders and bad loops are refused by field', async () => {
    expect((await call(t.app, olga, 'GET', url)).status).toBe(404);
    expect((await call(t.app, olga, 'GET', '/api/v1/teams/nobody/flywheel')).body.code).toBe('TEAM_NOT_FOUND');
    const outsider = await call(t.app, rhea, 'PUT', url, { metrics: AMAZON });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('TEAM_EDIT_FORBIDDEN');
    const dangling = await call(t.app, olga, 'PUT', url, { metrics: [AMAZON[0], { ...AMAZON[1], next: 'margin' }] });
    expect(dangling.status).toBe(400);
    expect(dangling.body.errors).toEqual([{ path: 'metrics.1.next', message: '"margin" is not a metric of this flywheel' }]);
    const twoLoops = await call(t.app, olga, 'PUT', url, { metrics: [{ ...AMAZON[0], next: 'traffic' }, { ...AMAZON[1], next: 'customer-experience' }, { ...AMAZON[4] }, { ...AMAZON[5], next: 'lower-cost-structure' }] });
    expect(twoLoops.body.errors[0]).toEqual({ path: 'metrics.2.next', message: 'makes a second loop (lower-cost-structure → lower-prices → lower-cost-structure); a flywheel has one loop, and every other metric feeds into it' });
    const badKey = await call(t.app, olga, 'PUT', url, { metrics: [{ ...AMAZON[0], key: 'Customer Experience' }, AMAZON[1]] });
    expect(badKey.body.errors[0].path).toBe('body.metrics.0.key');
    const badKind = await call(t.app, olga, 'PUT', url, { metrics: [{ ...AMAZON[0], kind: 'both' }, AMAZON[1]] });
    expect(badKind.body.errors[0].path).toBe('body.metrics.0.kind');
    expect((await call(t.app, olga, 'GET', url)).status).toBe(404);
  });

  it("defines Amazon's flywheel, versioned: a redefinition needs If-Match and a stale one gets 412", async () => {
    const created = await call(t.app, olga, 'PUT', url, { metrics: AMAZON });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body.loop).toEqual(['customer-experience', 'traffic', 'sellers', 'selection']);
    expect(created.body.metrics.map((m: { key: string; onLoop: boolean }) => [m.key, m.onLoop])).toEqual([
      ['customer-experience', true], ['traffic', true], ['sellers', true], ['selection', true], ['lower-cost-structure', false], ['lower-prices', false],
    ]);
    expect(created.body.metrics[0]).toMatchObject({ name: 'Customer experience', unit: 'score', kind: 'output', next: 'traffic', latest: null });
    expect((await call(t.app, olga, 'PUT', url, { metrics: AMAZON })).status).toBe(428);
    const renamed = AMAZON.map((m) => (m.key === 'traffic' ? { ...m, name: 'Visits' } : m));
    const ok = await call(t.app, olga, 'PUT', url, { metrics: renamed }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await call(t.app, adminCaller, 'PUT', url, { metrics: AMAZON }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const read = await call(t.app, rhea, 'GET', url);
    expect(read.headers.etag).toBe('"2"');
    expect(read.body.metrics[1].name).toBe('Visits');
    const audit = await call(t.app, adminCaller, 'GET', '/api/v1/audit?entityType=flywheel');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['flywheel.redefined', 'flywheel.defined']);
  });

  it('of two edits made at once from the same version exactly one is saved; the other gets 412', async () => {
    const edit = (name: string) => call(t.app, olga, 'PUT', url, { metrics: AMAZON.map((m) => (m.key === 'sellers' ? { ...m, name } : m)) }, { 'if-match': '"2"' });
    const answers = await Promise.all([edit('Sellers A'), edit('Sellers B')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const saved = answers.find((a) => a.status === 200)!.body.metrics[2].name;
    const read = await call(t.app, olga, 'GET', url);
    expect([read.body.version, read.body.metrics[2].name]).toEqual([3, saved]);
    // Two first definitions at once for another team: one makes it; the other, sent without a version,
    // is answered as if it came later (428: read the flywheel and send If-Match).
    await call(t.app, olga, 'POST', '/api/v1/teams', { name: 'ads' });
    const first = await Promise.all([0, 1].map(() => call(t.app, olga, 'PUT', '/api/v1/teams/ads/flywheel', { metrics: AMAZON.slice(0, 4) })));
    expect(first.map((a) => a.status).sort()).toEqual([201, 428]);
  });

  it('records values as JSON, once per metric and week: sending a week again replaces it and says so', async () => {
    const first = await call(t.app, olga, 'POST', `${url}/values`, { values: [{ metric: 'traffic', week: '2026-11-16', value: 50 }, { metric: 'sellers', week: '2026-11-16', value: 12 }] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ imported: 2, created: 2, replaced: 0, unchanged: 0, rejected: [] });
    const again = await call(t.app, olga, 'POST', `${url}/values`, { values: [{ metric: 'traffic', week: '2026-11-16', value: 55 }, { metric: 'sellers', week: '2026-11-16', value: 12 }] });
    expect(again.body).toMatchObject({ imported: 2, created: 0, replaced: 1, unchanged: 1 });
    expect(again.body.values[0]).toEqual({ metric: 'traffic', week: '2026-11-16', value: 55, previous: 50, outcome: 'replaced' });
    expect(await count()).toBe(2);
    const bad = await call(t.app, olga, 'POST', `${url}/values`, { values: [{ metric: 'traffic', week: '2026-11-17', value: 1 }, { metric: 'margin', week: '2026-11-16', value: 2 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: 'values.0.week', message: '2026-11-17 is a Tuesday; weeks start on Monday (2026-11-16)' },
      { path: 'values.1.metric', message: '"margin" is not a metric of this flywheel' },
    ]);
    const shape = await call(t.app, olga, 'POST', `${url}/values`, { values: [{ metric: 'traffic', week: '2026-11-16', value: 'many' }] });
    expect(shape.body.errors[0].path).toBe('body.values.0.value');
    expect((await call(t.app, rhea, 'POST', `${url}/values`, { values: [{ metric: 'traffic', week: '2026-11-16', value: 1 }] })).status).toBe(403);
    expect(await count()).toBe(2);
  });

  it('reads a CSV: by default one bad row stops the import and each is named by line; ?partial=true imports the good rows', async () => {
    const file = ['metric,week,value', 'traffic,2026-11-09,0', 'sellers,2026-11-11,11', 'selection,2026-11-09,many', 'traffic,2026-11-02,120'].join('\n');
    const refused = await csv(olga, file);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'line 3 (week)', message: '2026-11-11 is a Wednesday; weeks start on Monday (2026-11-09)' },
      { path: 'line 4 (value)', message: '"many" is not a number' },
    ]);
    expect(refused.body.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4]);
    expect(await count()).toBe(2);
    const partial = await csv(olga, file, '?partial=true');
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ imported: 2, created: 2 });
    expect(partial.body.rejected.map((r: { row: string; field: string }) => `${r.row} ${r.field}`)).toEqual(['line 3 week', 'line 4 value']);
    expect(await count()).toBe(4);
    const header = await csv(olga, 'time,value\n2026-11-09,1\n');
    expect(header.body.errors).toEqual([{ path: 'line 1', message: 'the header must be metric,week,value' }]);
    expect((await call(t.app, olga, 'POST', `${url}/values`, 'x', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('answers the weekly review with hand-computed week-over-week and year-over-year changes, n/a as null', async () => {
    // traffic: 10-05: 100, 10-12: 110, 10-19: 99, 11-02: 120, 11-09: 0, 11-16: 55; a year earlier 2025-10-13: 88, 2025-11-17: 44.
    const rows = [['2026-10-05', 100], ['2026-10-12', 110], ['2026-10-19', 99], ['2025-10-13', 88], ['2025-11-17', 44]].map(([week, value]) => `traffic,${week},${value}`);
    expect((await csv(olga, ['metric,week,value', ...rows].join('\n'))).body.created).toBe(5);
    const review = await call(t.app, rhea, 'GET', `${url}/review`);
    expect(review.status).toBe(200);
    expect(review.body.week).toBe('2026-11-16'); // the latest week with a value
    expect(review.body.weeks).toEqual(['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    const traffic = review.body.metrics.find((m: { key: string }) => m.key === 'traffic');
    expect(traffic.weeks.map((w: { value: number | null }) => w.value)).toEqual([110, 99, null, 120, 0, 55]);
    // 110/100 → +10; 99/110 → −10; missing; previous missing; 0/120 → −100; previous zero → n/a.
    expect(traffic.weeks.map((w: { weekOverWeek: number | null }) => w.weekOverWeek)).toEqual([10, -10, null, null, -100, null]);
    // 110/88 → +25; 55/44 → +25.
    expect(traffic.weeks.map((w: { yearOverYear: number | null }) => w.yearOverYear)).toEqual([25, null, null, null, null, 25]);
    expect(traffic.weeks[5].yearAgoWeek).toBe('2025-11-17');
    const earlier = await call(t.app, rhea, 'GET', `${url}/review?week=2026-10-19`);
    expect(earlier.body.weeks[5]).toBe('2026-10-19');
    const notMonday = await call(t.app, rhea, 'GET', `${url}/review?week=2026-10-20`);
    expect(notMonday.body.errors).toEqual([{ path: 'querystring.week', message: '2026-10-20 is a Tuesday; weeks start on Monday (2026-10-19)' }]);
  });

  it("shows each metric's latest value and reads values by range", async () => {
    const f = await call(t.app, rhea, 'GET', url);
    expect(f.body.metrics.find((m: { key: string }) => m.key === 'traffic').latest).toEqual({ week: '2026-11-16', value: 55 });
    expect(f.body.metrics.find((m: { key: string }) => m.key === 'selection').latest).toBeNull();
    const range = await call(t.app, rhea, 'GET', `${url}/values?from=2026-10-12&to=2026-10-19`);
    expect(range.body.items.map((v: { metric: string; week: string; value: number; updatedBy: string }) => [v.metric, v.week, v.value, v.updatedBy])).toEqual([
      ['traffic', '2026-10-12', 110, 'olga'],
      ['traffic', '2026-10-19', 99, 'olga'],
    ]);
    const defaults = await call(t.app, rhea, 'GET', `${url}/values`);
    expect([defaults.body.from, defaults.body.to]).toEqual(['2025-11-24', '2026-11-23']);
    const backwards = await call(t.app, rhea, 'GET', `${url}/values?from=2026-11-16&to=2026-10-12`);
    expect(backwards.body.errors).toEqual([{ path: 'querystring.from', message: 'must not be after `to`' }]);
    const audit = await call(t.app, adminCaller, 'GET', '/api/v1/audit?entityType=flywheel');
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'flywheel.values_recorded')).toHaveLength(4);
  });
});
