import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '@dayone/contracts';
import { generateDemo } from '../src/demo/generate-demo';
import { planOrg } from '../src/demo/demo-org';
import { createRandom } from '../src/demo/demo-random';
import { DEMO_SEED, SMALL_DEMO } from '../src/demo/demo-size';
import { adminCaller, call, createTestApp, dialects, newTestStore, type TestApp, type TestStore } from './harness';

describe('the demo organisation is planned from its seed', () => {
  it('gives the same people and teams from the same seed, and others from another', () => {
    const plan = (seed: number) => {
      const org = planOrg(createRandom(seed), SMALL_DEMO);
      return { people: org.people, teams: org.teams };
    };
    expect(plan(DEMO_SEED)).toEqual(plan(DEMO_SEED));
    expect(plan(DEMO_SEED).people).not.toEqual(plan(DEMO_SEED + 1).people);
  });
});

describe.each(dialects)('the demo organisation on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let admin: { email: string; password: string };
  const get = async (url: string) => {
    const res = await call(t.app, adminCaller, 'GET', url);
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    store = newTestStore(dialect);
    const result = await generateDemo(store, { size: SMALL_DEMO, logLevel: 'silent' });
    admin = result.admin;
    // Read it back through the API of a fresh server on the same data.
    t = await createTestApp(dialect, { store });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await store?.drop();
  });

  it('lets the admin sign in with the printed password', async () => {
    const res = await call(t.app, null, 'POST', '/api/v1/auth/signin', { email: admin.email, password: admin.password });
    expect(res.status).toBe(200);
    expect(res.body.person.role).toBe('admin');
  });

  it('has teams in a tree, some over ten people, with leaders', async () => {
    const teams = (await get('/api/v1/teams?limit=500')).items;
    expect(teams.length).toBeGreaterThanOrEqual(5);
    expect(teams.some((team: { memberCount: number; fitness: { findings: { code: string }[] } }) => team.memberCount > 10 && team.fitness.findings.some((f) => f.code === 'OVER_SIZE'))).toBe(true);
    expect(teams.filter((team: { parent: string | null }) => team.parent === null)).toHaveLength(1);
    const people = (await get('/api/v1/people?limit=500')).items;
    expect(people.length).toBeGreaterThan(20);
  });

  it('has services with a dependency cycle in the catalog health', async () => {
    const health = await get('/api/v1/catalog/health');
    expect(health.entities).toBeGreaterThanOrEqual(12);
    expect(health.cycles.length).toBeGreaterThanOrEqual(1);
    expect(health.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['CYCLE', 'CROSS_TEAM_EDGE', 'DANGLING_REFERENCE']));
    const components = (await get('/api/v1/catalog/entities?kind=Component&limit=500')).items;
    expect(components.length).toBeGreaterThanOrEqual(12);
  });

  it('has an open andon pull and resolved ones', async () => {
    const open = (await get('/api/v1/andon/pulls?status=open')).items;
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.some((p: { status: string }) => p.status === 'acknowledged')).toBe(true);
    const resolved = (await get('/api/v1/andon/pulls?status=resolved&limit=500')).items;
    expect(resolved.length).toBeGreaterThanOrEqual(SMALL_DEMO.resolvedPulls);
    expect(resolved.some((p: { coe: number | null }) => p.coe !== null)).toBe(true);
  });

  it('has COEs from serious pulls, with action items of which some are overdue', async () => {
    const coes = (await get('/api/v1/coes?limit=500')).items;
    expect(coes.length).toBeGreaterThanOrEqual(1);
    const coe = await get(`/api/v1/coes/${coes[coes.length - 1].number}`);
    expect(coe.actionItems.length).toBeGreaterThanOrEqual(2);
    expect(coe.sections.find((s: { name: string }) => s.name === 'rootCause').content[0].steps.length).toBeGreaterThanOrEqual(3);
    expect(coe.attachments.length).toBe(1);
    expect(coe.status).not.toBe('draft');
    const overdue = (await get('/api/v1/action-items?overdue=true')).items;
    expect(overdue.length).toBeGreaterThanOrEqual(1);
  });

  it('has PR/FAQs in every state, with review comments and a written no', async () => {
    const prfaqs = (await get('/api/v1/prfaqs?limit=500')).items;
    expect(new Set(prfaqs.map((p: { status: string }) => p.status))).toEqual(new Set(['draft', 'in_review', 'decided', 'building', 'launched', 'shelved']));
    const decisions = (await get('/api/v1/prfaqs/decisions?limit=500')).items;
    const no = decisions.find((d: { outcome: string | null }) => d.outcome === 'no');
    expect(countWords(no.reasons)).toBeGreaterThanOrEqual(50);
    expect(decisions.some((d: { how: string | null }) => d.how === 'default')).toBe(true);
    expect(decisions.some((d: { nos: unknown[]; outcome: string | null; commitments: unknown[] }) => d.nos.length > 0 && d.outcome === 'yes' && d.commitments.length > 0)).toBe(true);
    expect(decisions.some((d: { state: string }) => d.state === 'open')).toBe(true);
    const inReview = prfaqs.find((p: { status: string }) => p.status === 'in_review');
    const meeting = await get(`/api/v1/prfaqs/${inReview.number}/rounds/1`);
    expect(meeting.comments.some((c: { anchor: unknown; replies: unknown[] }) => c.anchor !== null && c.replies.length > 0)).toBe(true);
  });

  it('has experiments with events and decisions', async () => {
    const experiments = (await get('/api/v1/experiments?limit=500')).items;
    const decided = experiments.filter((e: { status: string }) => e.status === 'decided');
    expect(decided.length).toBeGreaterThanOrEqual(2);
    expect(decided.every((e: { lesson: string | null }) => !!e.lesson)).toBe(true);
    const running = experiments.find((e: { status: string }) => e.status === 'running');
    const results = await get(`/api/v1/experiments/${running.key}/results`);
    expect(results.users).toBeGreaterThan(0);
    const shipped = await get(`/api/v1/experiments/${decided[0].key}/results`);
    expect(shipped.metrics.map((m: { key: string }) => m.key)).toEqual(['purchase', 'revenue']);
  });

  it('has a team flywheel with more than a year of weekly values', async () => {
    const team = (await get('/api/v1/teams?limit=500')).items.find((x: { memberCount: number }) => x.memberCount > 10).name;
    const flywheel = await get(`/api/v1/teams/${team}/flywheel`);
    expect(flywheel.loop.length).toBeGreaterThanOrEqual(3);
    const values = await get(`/api/v1/teams/${team}/flywheel/values`);
    const weeks = new Set(values.items.map((v: { week: string }) => v.week));
    expect(weeks.size).toBeGreaterThanOrEqual(50);
    const review = await get(`/api/v1/teams/${team}/flywheel/review`);
    expect(review.metrics[0].weeks.at(-1).yearOverYear).not.toBeNull();
  });

  it('was written through the API: the audit chain holds and names the people who acted', async () => {
    const verify = await get('/api/v1/audit/verify');
    expect(verify.ok).toBe(true);
    expect(verify.checked).toBeGreaterThan(100);
  });
});
