import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';
import { createCoeFigures, lastMonths, percentile } from '../src/capabilities/coe/coe-figures';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a PNG')]);
const at = (start: string, seconds: number) => new Date(Date.parse(start) + seconds * 1000).toISOString();

describe('percentiles (linear between closest ranks, as R type 7 and NumPy)', () => {
  it('matches hand-computed values', () => {
    // numpy.percentile([60, 300, 600], 90) = 300 + 0.8 * 300 = 540
    expect(percentile([60, 300, 600], 0.9)).toBe(540);
    expect(percentile([60, 300, 600], 0.5)).toBe(300);
    // numpy.percentile([1200, 1800], 50) = 1500; 90th = 1200 + 0.9 * 600 = 1740
    expect(percentile([1200, 1800], 0.5)).toBe(1500);
    expect(percentile([1200, 1800], 0.9)).toBeCloseTo(1740, 9);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
  it('counts months back from the clock, across a year end', () => {
    expect(lastMonths(new Date('2027-02-03T00:00:00Z'), 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe.each(dialects)('COE supporting data, tags and figures on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  let outsider: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    owner = await signUp(t.app, 'olga');
    outsider = await signUp(t.app, 'rhea');
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'payments' });
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'cards', parent: 'payments' });
    await call(t.app, owner, 'POST', '/api/v1/teams/cards/members', { person: 'olga' });
    await call(t.app, outsider, 'POST', '/api/v1/teams', { name: 'search' });
  });
  afterAll(() => t.close());

  const newCoe = async (caller: Caller, team: string, timeline: unknown[], services: string[] = [], tags?: string[]) => {
    const created = await call(t.app, caller, 'POST', '/api/v1/coes', { title: `Incident of ${team}`, team, services, ...(tags ? { tags } : {}) });
    expect(created.status).toBe(201);
    const saved = await call(t.app, caller, 'PUT', `/api/v1/coes/${created.body.number}/sections/timeline`, { content: timeline }, { 'if-match': '"1"' });
    expect(saved.status).toBe(200);
    return created.body.number as number;
  };
  const upload = (caller: Caller, n: number, body: Buffer | string, type: string, filename: string) =>
    call(t.app, caller, 'POST', `/api/v1/coes/${n}/attachments?filename=${encodeURIComponent(filename)}`, Buffer.from(body), { 'content-type': type });

  let first: number;
  it('charts a metric CSV with the timeline milestones and lists images', async () => {
    const s = '2026-11-20T10:00:00Z';
    first = await newCoe(owner, 'payments', [
      { at: s, text: 'Deploy', milestone: 'started' },
      { at: at(s, 300), text: 'Alarm', milestone: 'detected' },
      { at: at(s, 1200), text: 'Rolled back', milestone: 'mitigated' },
      { at: at(s, 2520), text: 'All clear', milestone: 'resolved' },
    ], ['checkout'], ['card-payments']);
    const csv = 'time,errors_per_minute\n2026-11-20T09:55:00Z,2\n2026-11-20T10:05:00Z,480\n2026-11-20T10:45:00Z,3\n';
    const uploaded = await upload(owner, first, csv, 'text/csv', 'errors.csv');
    expect(uploaded.status).toBe(201);
    const image = await upload(owner, first, PNG, 'image/png', 'dashboard [prod].png');
    expect(image.status).toBe(201);

    const data = await call(t.app, outsider, 'GET', `/api/v1/coes/${first}/supporting-data`);
    expect(data.status).toBe(200);
    expect(data.body.milestones).toEqual([
      { milestone: 'started', at: '2026-11-20T10:00:00.000Z' },
      { milestone: 'detected', at: '2026-11-20T10:05:00.000Z' },
      { milestone: 'mitigated', at: '2026-11-20T10:20:00.000Z' },
      { milestone: 'resolved', at: '2026-11-20T10:42:00.000Z' },
    ]);
    expect(data.body.charts).toHaveLength(1);
    expect(data.body.charts[0]).toMatchObject({ id: uploaded.body.id, filename: 'errors.csv', series: { name: 'errors_per_minute', points: [
      { at: '2026-11-20T09:55:00.000Z', value: 2 },
      { at: '2026-11-20T10:05:00.000Z', value: 480 },
      { at: '2026-11-20T10:45:00.000Z', value: 3 },
    ] } });
    expect(data.body.images.map((i: { id: string }) => i.id)).toEqual([image.body.id]);

    const md = await t.app.inject({ method: 'GET', url: `/api/v1/coes/${first}/markdown`, headers: owner.headers });
    expect(md.body).toContain(`![dashboard \\[prod\\].png](/api/v1/attachments/${image.body.id})`);
    expect(md.body).toContain(`- [errors.csv](/api/v1/attachments/${uploaded.body.id}) (metric, CSV)`);
    expect(md.body).toContain('Tags: card-payments');
  });

  it('refuses a bad metric CSV naming line and column, keeping nothing', async () => {
    const before = (await call(t.app, owner, 'GET', `/api/v1/coes/${first}`)).body.attachments.length;
    const bad = await upload(owner, first, 'time,value\n2026-11-20T10:00:00Z,1\n2026-11-20T10:01:00Z,lots\n', 'text/csv', 'bad.csv');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'line 3, column 2 (value)', message: '"lots" is not a number' }]);
    expect((await call(t.app, owner, 'GET', `/api/v1/coes/${first}`)).body.attachments).toHaveLength(before);
    expect((await upload(owner, 999, 'time,value\n', 'text/csv', 'x.csv')).status).toBe(404);
  });

  it('tags COEs, filters the list by tag and relates COEs that share one', async () => {
    const other = await newCoe(owner, 'cards', [], [], ['Card-Payments']);
    const tagged = await call(t.app, owner, 'POST', `/api/v1/coes/${other}/tags`, { tag: 'Database' });
    expect(tagged.body).toEqual({ tags: ['card-payments', 'database'] });
    expect((await call(t.app, owner, 'POST', `/api/v1/coes/${other}/tags`, { tag: 'database' })).body.tags).toEqual(['card-payments', 'database']);
    const bad = await call(t.app, owner, 'POST', `/api/v1/coes/${other}/tags`, { tag: 'two  words' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.tag');
    expect((await call(t.app, outsider, 'POST', `/api/v1/coes/${other}/tags`, { tag: 'mine' })).status).toBe(403);

    const list = await call(t.app, outsider, 'GET', '/api/v1/coes?tag=card-payments');
    expect(list.body.items.map((c: { number: number }) => c.number).sort()).toEqual([first, other].sort());
    expect(list.body.items[0].tags).toContain('card-payments');
    expect((await call(t.app, outsider, 'GET', '/api/v1/coes?tag=database')).body.items.map((c: { number: number }) => c.number)).toEqual([other]);
    const detail = await call(t.app, owner, 'GET', `/api/v1/coes/${other}`);
    expect(detail.body.related.map((r: { number: number }) => r.number)).toContain(first);

    expect((await call(t.app, owner, 'DELETE', `/api/v1/coes/${other}/tags/database`)).body.tags).toEqual(['card-payments']);
    expect((await call(t.app, outsider, 'GET', '/api/v1/coes?tag=database')).body.items).toEqual([]);

    // By the day it was written: today's COEs are found from today, none before or after.
    const today = new Date().toISOString().slice(0, 10);
    const byDate = await call(t.app, outsider, 'GET', `/api/v1/coes?tag=card-payments&from=${today}&to=${today}`);
    expect(byDate.body.items.map((c: { number: number }) => c.number).sort()).toEqual([first, other].sort());
    expect((await call(t.app, outsider, 'GET', '/api/v1/coes?from=2999-01-01')).body.items).toEqual([]);
    expect((await call(t.app, outsider, 'GET', '/api/v1/coes?to=2000-01-01')).body.items).toEqual([]);
    const badDate = await call(t.app, outsider, 'GET', '/api/v1/coes?from=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].path).toBe('querystring.from');
  });

  it('computes per-month figures for a team and its sub-teams (hand-computed)', async () => {
    // November (payments and its sub-team cards): detect 300, 600, 60 s; mitigate 1200, 1800 s; resolve 2520, 3600, 7200 s.
    await newCoe(owner, 'cards', [
      { at: '2026-11-10T08:00:00Z', text: 'a', milestone: 'started' },
      { at: at('2026-11-10T08:00:00Z', 600), text: 'b', milestone: 'detected' },
      { at: at('2026-11-10T08:00:00Z', 1800), text: 'c', milestone: 'mitigated' },
      { at: at('2026-11-10T08:00:00Z', 3600), text: 'd', milestone: 'resolved' },
    ], ['checkout', 'card-vault']);
    await newCoe(owner, 'cards', [
      { at: '2026-11-15T00:00:00Z', text: 'a', milestone: 'started' },
      { at: at('2026-11-15T00:00:00Z', 60), text: 'b', milestone: 'detected' },
      { at: at('2026-11-15T00:00:00Z', 7200), text: 'd', milestone: 'resolved' },
    ], ['card-vault']);
    // October: one incident, detected after 120 s.
    await newCoe(owner, 'payments', [
      { at: '2026-10-05T00:00:00Z', text: 'a', milestone: 'started' },
      { at: at('2026-10-05T00:00:00Z', 120), text: 'b', milestone: 'detected' },
    ], ['checkout']);
    // Another team's incident is not counted.
    await newCoe(outsider, 'search', [
      { at: '2026-11-02T00:00:00Z', text: 'a', milestone: 'started' },
      { at: at('2026-11-02T00:00:00Z', 99_999), text: 'b', milestone: 'detected' },
    ], ['search-api']);

    // Action items (the clock says 2026-11-26): due 11-10 done 11-09 (on time); due 11-12 done 11-14 (late);
    // due 11-20 still open (late); due 11-28 open (not yet due: left out); due 11-29 done 11-25 (on time);
    // due 11-05 won't do (left out). November: 2 of 4 on time = 50 %.
    const items: [string, string, string, string | null][] = [
      ['2026-11-10', 'payments', 'done', '2026-11-09T12:00:00Z'],
      ['2026-11-12', 'cards', 'done', '2026-11-14T12:00:00Z'],
      ['2026-11-20', 'payments', 'open', null],
      ['2026-11-28', 'payments', 'open', null],
      ['2026-11-29', 'payments', 'done', '2026-11-25T12:00:00Z'],
      ['2026-11-05', 'payments', 'wont_do', '2026-11-04T12:00:00Z'],
    ];
    for (const [due, team, status, closedAt] of items) {
      const made = await call(t.app, owner, 'POST', `/api/v1/coes/${first}/action-items`, { title: `Fix by ${due}`, owner: 'olga', team, dueDate: '2099-01-01', type: 'prevent' });
      await t.database.db.updateTable('coe_action_items').set({ due_date: due, status: status as 'open', closed_at: closedAt }).where('id', '=', made.body.id).execute();
    }

    // COEs without a started milestone count in the month they were written: pin that to the clock's month.
    await t.database.db.updateTable('coes').set({ created_at: '2026-11-26T09:00:00.000Z' }).execute();
    const figures = createCoeFigures({ db: t.database.db, clock: () => new Date('2026-11-26T12:00:00Z') });
    const result = await figures({ team: 'Payments', months: 2 });
    expect(result.teams.sort()).toEqual(['cards', 'payments']);
    expect(result.months).toEqual([
      {
        month: '2026-10',
        coes: 1,
        timeToDetect: { count: 1, median: 120, p90: 120 },
        timeToMitigate: { count: 0, median: null, p90: null },
        timeToResolve: { count: 0, median: null, p90: null },
        actionItems: { due: 0, onTime: 0, onTimePercent: null },
      },
      {
        month: '2026-11',
        // the tag test's COE (cards, no milestones) counts in the month it was written
        coes: 4,
        timeToDetect: { count: 3, median: 300, p90: 540 },
        timeToMitigate: { count: 2, median: 1500, p90: expect.closeTo(1740, 6) },
        timeToResolve: { count: 3, median: 3600, p90: 6480 },
        actionItems: { due: 4, onTime: 2, onTimePercent: 50 },
      },
    ]);
    expect(result.services).toEqual([
      { service: 'checkout', coes: 3 },
      { service: 'card-vault', coes: 2 },
    ]);
  });

  it('answers figures over HTTP and refuses unknown teams and bad month counts', async () => {
    const res = await call(t.app, outsider, 'GET', '/api/v1/coes/figures?team=cards&months=12');
    expect(res.status).toBe(200);
    expect(res.body.teams).toEqual(['cards']);
    expect(res.body.months).toHaveLength(12);
    expect((await call(t.app, adminCaller, 'GET', '/api/v1/coes/figures?team=nobody')).body.code).toBe('TEAM_NOT_FOUND');
    const bad = await call(t.app, outsider, 'GET', '/api/v1/coes/figures?months=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('querystring.months');
  });
});
