import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

type Area = { key: string; score: number | null; parts: { label: string; value: number | null }[]; figures: { key: string; value: number | null }[] };
const areaOf = (body: { areas: Area[] }, key: string) => body.areas.find((a) => a.key === key)!;
const figure = (area: Area, key: string) => area.figures.find((f) => f.key === key)!.value;

describe.each(dialects)('the innovation dashboard on %s', (dialect) => {
  let t: TestApp;
  let root: Caller;
  let olga: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    root = await signUp(t.app, 'root');
    olga = await signUp(t.app, 'olga');
    // Three teams; "search" has no leader, so one team in three is not two-pizza fit.
    expect((await call(t.app, root, 'POST', '/api/v1/teams', { name: 'commerce', leader: 'root' })).status).toBe(201);
    expect((await call(t.app, olga, 'POST', '/api/v1/teams', { name: 'payments', parent: 'commerce', leader: 'olga' })).status).toBe(201);
    expect((await call(t.app, root, 'POST', '/api/v1/teams', { name: 'search' })).status).toBe(201);
    // checkout and ledger depend on each other (a cycle); catalogue is healthy.
    const entity = (name: string, owner: string, dependsOn: string[] = []) =>
      call(t.app, owner === 'payments' ? olga : root, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name, owner, lifecycle: 'production', type: 'service', dependsOn });
    expect((await entity('checkout', 'payments', ['component:ledger'])).status).toBe(201);
    expect((await entity('ledger', 'payments', ['component:checkout'])).status).toBe(201);
    expect((await entity('catalogue', 'search')).status).toBe(201);
    // Two pulls, one resolved.
    const pull = await call(t.app, root, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Refunds fail', severity: 3 });
    expect((await call(t.app, olga, 'POST', `/api/v1/andon/pulls/${pull.body.id}/resolve`, { note: 'rolled back' })).status).toBe(200);
    expect((await call(t.app, root, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'catalogue' }, reason: 'Slow', severity: 4 })).status).toBe(201);
    // One experiment, killed, with its lesson.
    const experiment = { key: 'one-tap', hypothesis: 'One tap raises purchases.', team: 'payments', variants: [{ name: 'control', weight: 0.5 }, { name: 'tap', weight: 0.5 }], metrics: [{ key: 'purchase', aggregation: 'any' }] };
    expect((await call(t.app, olga, 'POST', '/api/v1/experiments', experiment)).status).toBe(201);
    expect((await call(t.app, olga, 'POST', '/api/v1/experiments/one-tap/start')).status).toBe(200);
    expect((await call(t.app, olga, 'POST', '/api/v1/experiments/one-tap/decision', { decision: 'kill', lesson: 'People did not trust a single tap.' })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('scores the organisation by the documented formulas, with the figures behind each score', async () => {
    const res = await call(t.app, root, 'GET', '/api/v1/insights');
    expect(res.status).toBe(200);
    expect(res.body.teams.sort()).toEqual(['commerce', 'payments', 'search']);

    const organisation = areaOf(res.body, 'organisation');
    expect(figure(organisation, 'noLeader')).toBe(1);
    expect(organisation.score).toBe(67); // 2 fit teams of 3

    const architecture = areaOf(res.body, 'architecture');
    expect(figure(architecture, 'services')).toBe(3);
    expect(figure(architecture, 'cycles')).toBe(1);
    expect(figure(architecture, 'unhealthy')).toBe(2);
    expect(architecture.score).toBe(33); // 1 healthy service of 3

    const mechanisms = areaOf(res.body, 'mechanisms');
    expect(figure(mechanisms, 'pulls')).toBe(2);
    // Only the pulls have data (no PR/FAQ decision, no action item due): one resolved of two.
    expect(mechanisms.parts.map((p) => p.value)).toEqual([null, 0.5, null]);
    expect(mechanisms.score).toBe(50);

    const culture = areaOf(res.body, 'culture');
    expect(figure(culture, 'experimentsDecided')).toBe(1);
    expect(figure(culture, 'lessonShare')).toBe(1);
    expect(figure(culture, 'failedShare')).toBe(1);
    // Lesson share 1; failures 1 (full at one half); cadence 1 started / (3 teams × 13 weeks of 7/30.44 months).
    const cadence = 1 / (3 * ((13 * 7) / 30.44));
    expect(culture.parts[2]!.value).toBeCloseTo(cadence, 10);
    expect(culture.score).toBe(Math.round((100 * (1 + 1 + cadence)) / 3));

    expect(res.body.trend).toHaveLength(14);
    const totals = res.body.trend.reduce((n: number, w: { andonPulls: number }) => n + w.andonPulls, 0);
    expect(totals).toBe(2);
  });

  it('narrows to a team and its sub-teams', async () => {
    const res = await call(t.app, root, 'GET', '/api/v1/insights?team=commerce&weeks=4');
    expect(res.body.teams.sort()).toEqual(['commerce', 'payments']);
    expect(areaOf(res.body, 'organisation').score).toBe(100);
    expect(figure(areaOf(res.body, 'architecture'), 'services')).toBe(2);
    expect(areaOf(res.body, 'architecture').score).toBe(0);
    expect(figure(areaOf(res.body, 'mechanisms'), 'pulls')).toBe(1);
    expect(res.body.trend.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses an unknown team and a period out of range, naming them', async () => {
    const unknown = await call(t.app, root, 'GET', '/api/v1/insights?team=nobody');
    expect(unknown.status).toBe(404);
    const weeks = await call(t.app, root, 'GET', '/api/v1/insights?weeks=53');
    expect(weeks.status).toBe(400);
    expect(weeks.body.errors[0].path).toBe('querystring.weeks');
  });
});
