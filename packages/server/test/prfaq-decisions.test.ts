import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, inboxOutbox, type Caller, type TestApp } from './harness';
import { createPrfaq, parseDuration, decisionWindowFromEnv } from '../src/capabilities/prfaq/index';
import { createAuditLog } from '../src/platform/audit/audit-log';

const HOUR = 3_600_000;
const PRESS_RELEASE = {
  heading: 'Ledger closes the books in one day',
  summary: 'Controllers close the month in one day instead of nine.',
  problem: 'Controllers match 40,000 bank lines by hand every month.',
  solution: 'Ledger matches bank lines to invoices as they arrive.',
};
/** 54 words: above the 50-word minimum for a written no. */
const LONG_NO =
  'The market estimate counts every company with a finance team, but only firms above two hundred staff reconcile enough lines to feel the pain. ' +
  'The economics assume a price that our pilot customers already refused twice. The dependency on the bank feed team is unplanned for next quarter, ' +
  'and nobody has tested matching accuracy on real data.';

describe('decision windows', () => {
  it('reads durations like 72h, 30m and 5s (DAYONE_DECISION_WINDOW)', () => {
    expect([parseDuration('72h'), parseDuration('30m'), parseDuration('5s'), parseDuration('2d'), parseDuration('1h30m')]).toEqual([259_200, 1800, 5, 172_800, 5400]);
    expect([parseDuration('5'), parseDuration('0s'), parseDuration('soon'), parseDuration('-5s')]).toEqual([null, null, null, null]);
    expect(decisionWindowFromEnv({})).toBe(259_200);
    expect(decisionWindowFromEnv({ DAYONE_DECISION_WINDOW: '5s' })).toBe(5);
    expect(() => decisionWindowFromEnv({ DAYONE_DECISION_WINDOW: 'three days' })).toThrow(/DAYONE_DECISION_WINDOW/);
  });
});

describe.each(dialects)('PR/FAQ decisions, the Institutional Yes, on %s', (dialect) => {
  let t: TestApp;
  let ada: Caller; // author, in ledger
  let cy: Caller; // reviewer
  let fay: Caller; // leads finance, ledger's parent
  let lea: Caller; // leads org, finance's parent
  let now: Date;
  const scheduler = () => createPrfaq({ db: t.database.db, dialect, audit: createAuditLog(dialect), outbox: inboxOutbox(t.database.db), clock: () => now, windowSeconds: 72 * 3600 }).scheduler;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    ada = await signUp(t.app, 'ada');
    cy = await signUp(t.app, 'cy');
    fay = await signUp(t.app, 'fay');
    lea = await signUp(t.app, 'lea');
    await call(t.app, lea, 'POST', '/api/v1/teams', { name: 'org', leader: 'lea' });
    await call(t.app, fay, 'POST', '/api/v1/teams', { name: 'finance', parent: 'org', leader: 'fay' });
    await call(t.app, ada, 'POST', '/api/v1/teams', { name: 'ledger', parent: 'finance' });
  });
  afterAll(() => t.close());

  async function document(title: string, pressRelease: object = PRESS_RELEASE) {
    const doc = await call(t.app, ada, 'POST', '/api/v1/prfaqs', { title, team: 'ledger', customer: 'controllers' });
    await call(t.app, ada, 'PUT', `/api/v1/prfaqs/${doc.body.number}/sections/pressRelease`, { content: pressRelease }, { 'if-match': '"1"' });
    return doc.body.number as number;
  }
  const request = (n: number, body: object, caller = ada) => call(t.app, caller, 'POST', `/api/v1/prfaqs/${n}/decisions`, body);
  const act = (n: number, id: string, what: string, caller: Caller, body: object = {}) => call(t.app, caller, 'POST', `/api/v1/prfaqs/${n}/decisions/${id}/${what}`, body);
  const at = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR);

  it('refuses a decision for a press release without heading, summary, problem or solution, naming them', async () => {
    const n = await document('Incomplete', { heading: 'Ledger', summary: 'x' });
    const refused = await request(n, { door: 'two_way' });
    expect([refused.status, refused.body.code]).toEqual([409, 'PRFAQ_INCOMPLETE']);
    expect(refused.body.missing).toEqual(['pressRelease.problem', 'pressRelease.solution']);
    expect(refused.body.detail).toContain('problem, solution');
    expect((await request(n, { door: 'two_way' }, cy)).status).toBe(403);
  });

  it('gives a two-way door a yes by default when the window closes in silence, once; disagree and commit shows on it', async () => {
    const n = await document('Silent yes');
    const asked = await request(n, { door: 'two_way' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ door: 'two_way', state: 'open', decider: null, windowSeconds: 259_200, version: 2, outcome: null });
    expect(Date.parse(asked.body.dueAt) - Date.parse(asked.body.requestedAt)).toBe(72 * HOUR);
    expect((await request(n, { door: 'two_way' })).body.code).toBe('PRFAQ_DECISION_PENDING');
    const early = await act(n, asked.body.id, 'decide', lea, { answer: 'yes' });
    expect([early.status, early.body.code]).toEqual([403, 'PRFAQ_NOT_DECIDER']);
    expect((await call(t.app, ada, 'GET', `/api/v1/prfaqs/${n}`)).body.status).toBe('in_review');

    now = at(asked.body.requestedAt, 71);
    expect(await scheduler().runOnce()).toBe(0);
    now = at(asked.body.requestedAt, 73);
    expect(await scheduler().runOnce()).toBe(1);
    expect(await scheduler().runOnce()).toBe(0);
    const doc = await call(t.app, cy, 'GET', `/api/v1/prfaqs/${n}`);
    expect(doc.body).toMatchObject({ status: 'decided', decision: 'yes' });
    expect(doc.body.decisions[0]).toMatchObject({ state: 'decided', outcome: 'yes', how: 'default', decidedBy: null, secondsToDecision: 73 * 3600, dueAt: null });
    expect(doc.body.statusHistory.at(-1)).toMatchObject({ from: 'in_review', to: 'decided', by: 'system' });
    const told = (await call(t.app, ada, 'GET', '/api/v1/notifications')).body.items.filter((x: { kind: string }) => x.kind === 'prfaq.decided');
    expect(told.map((x: { title: string }) => x.title)).toEqual([`PR/FAQ ${n} is a yes: Silent yes`]);

    const commit = await act(n, asked.body.id, 'commitments', cy, { note: 'I doubt the price, and I am in.' });
    expect(commit.body.commitments).toEqual([{ by: 'cy', at: expect.any(String), note: 'I doubt the price, and I am in.' }]);
    expect((await act(n, asked.body.id, 'commitments', cy, {})).body.code).toBe('PRFAQ_STATE');
    const again = await act(n, asked.body.id, 'no', cy, { reasons: LONG_NO, wouldChangeMind: 'A pilot.' });
    expect([again.status, again.body.code]).toEqual([409, 'PRFAQ_ALREADY_DECIDED']);
    expect((await call(t.app, ada, 'POST', `/api/v1/prfaqs/${n}/status`, { status: 'building' })).body.status).toBe('building');
    expect((await call(t.app, ada, 'POST', `/api/v1/prfaqs/${n}/status`, { status: 'launched' })).body.status).toBe('launched');
  });

  it('escalates a written no to the parent team’s leader; the author may take it to another leader, who decides', async () => {
    const n = await document('Contested');
    const { body: req } = await request(n, { door: 'two_way' });
    const own = await act(n, req.id, 'no', ada, { reasons: LONG_NO, wouldChangeMind: 'x' });
    expect([own.status, own.body.code]).toEqual([403, 'PRFAQ_NOT_REVIEWER']);
    const short = await act(n, req.id, 'no', cy, { reasons: 'Too expensive and too early for us.', wouldChangeMind: 'A pilot.' });
    expect([short.status, short.body.code, short.body.errors[0].path]).toEqual([400, 'PRFAQ_NO_TOO_SHORT', 'reasons']);
    const no = await act(n, req.id, 'no', cy, { reasons: LONG_NO, wouldChangeMind: 'A pilot with three customers matching 95% of lines.' });
    expect(no.status).toBe(200);
    expect(no.body).toMatchObject({ state: 'escalated', decider: 'fay', outcome: null });
    expect(no.body.nos).toEqual([{ by: 'cy', at: expect.any(String), reasons: LONG_NO, wouldChangeMind: 'A pilot with three customers matching 95% of lines.' }]);
    expect(no.body.events.map((e: { type: string; to: string | null }) => [e.type, e.to])).toEqual([['requested', null], ['no', null], ['escalated', 'fay']]);
    const inbox = await call(t.app, fay, 'GET', '/api/v1/notifications');
    expect(inbox.body.items.filter((x: { kind: string }) => x.kind === 'prfaq.decision_needed').map((x: { link: string }) => x.link)).toEqual([`/prfaqs/${n}`]);
    // Silence is never a no: the window passing does not make it a yes or a no.
    expect((await act(n, req.id, 'decide', cy, { answer: 'yes' })).body.detail).toContain('Only fay');
    const shortLeaderNo = await act(n, req.id, 'decide', fay, { answer: 'no', reasons: 'Not now.', wouldChangeMind: 'Later.' });
    expect(shortLeaderNo.body.code).toBe('PRFAQ_NO_TOO_SHORT');
    expect((await act(n, req.id, 'redirect', ada, { leader: 'cy' })).body.errors[0].path).toBe('leader');
    const other = await act(n, req.id, 'redirect', ada, { leader: 'lea', note: 'Org owns the bank feed' });
    expect(other.body).toMatchObject({ decider: 'lea', state: 'escalated' });
    expect((await act(n, req.id, 'decide', fay, { answer: 'yes' })).status).toBe(403);
    const yes = await act(n, req.id, 'decide', lea, { answer: 'yes', reasons: 'Worth a pilot; the bank feed is ours to plan.' });
    expect(yes.body).toMatchObject({ state: 'decided', outcome: 'yes', decidedBy: 'lea', how: 'decider', reasons: 'Worth a pilot; the bank feed is ours to plan.' });
    const second = await act(n, req.id, 'decide', lea, { answer: 'no', reasons: LONG_NO, wouldChangeMind: 'x' });
    expect([second.status, second.body.code]).toEqual([409, 'PRFAQ_ALREADY_DECIDED']);
  });

  it('has a one-way door decided by the parent team’s leader; silence escalates one level up, never to a no', async () => {
    const n = await document('One way');
    expect((await request(n, { door: 'one_way', decider: 'nobody' })).body.errors[0].path).toBe('decider');
    expect((await request(n, { door: 'two_way', decider: 'fay' })).body.errors[0].path).toBe('decider');
    const { body: req } = await request(n, { door: 'one_way' });
    expect(req).toMatchObject({ door: 'one_way', state: 'open', decider: 'fay' });
    expect((await act(n, req.id, 'no', cy, { reasons: LONG_NO, wouldChangeMind: 'x' })).body.code).toBe('PRFAQ_STATE');
    expect((await act(n, req.id, 'decide', cy, { answer: 'yes' })).body.code).toBe('PRFAQ_NOT_DECIDER');
    now = at(req.requestedAt, 73);
    expect(await scheduler().runOnce()).toBe(1);
    let d = (await call(t.app, cy, 'GET', `/api/v1/prfaqs/${n}/decisions`)).body.items[0];
    expect(d).toMatchObject({ state: 'escalated', decider: 'lea', outcome: null });
    expect(Date.parse(d.dueAt) - now.getTime()).toBe(72 * HOUR);
    now = at(req.requestedAt, 146);
    expect(await scheduler().runOnce()).toBe(1);
    d = (await call(t.app, cy, 'GET', `/api/v1/prfaqs/${n}/decisions`)).body.items[0];
    expect(d).toMatchObject({ state: 'escalated', decider: 'lea', dueAt: null, outcome: null });
    expect(d.events.at(-1).reasons).toContain('Nobody leads a team above org');
    const no = await act(n, req.id, 'decide', lea, { answer: 'no', reasons: LONG_NO, wouldChangeMind: 'A signed pilot customer.' });
    expect(no.body).toMatchObject({ outcome: 'no', decidedBy: 'lea', wouldChangeMind: 'A signed pilot customer.' });
    expect((await call(t.app, cy, 'GET', `/api/v1/prfaqs/${n}`)).body).toMatchObject({ status: 'decided', decision: 'no' });
    // After a no the author revises and asks again: another path to a yes.
    const again = await request(n, { door: 'one_way', decider: 'lea' });
    expect(again.status).toBe(201);
    expect((await call(t.app, cy, 'GET', `/api/v1/prfaqs/${n}`)).body).toMatchObject({ status: 'in_review', decision: null });
  });

  it('keeps a decisions log with who, when, why, time to decision and the nos', async () => {
    const log = await call(t.app, cy, 'GET', '/api/v1/prfaqs/decisions?team=ledger');
    expect(log.status).toBe(200);
    expect(log.body.items.map((d: { title: string; outcome: string | null }) => [d.title, d.outcome])).toEqual([
      ['One way', null], ['One way', 'no'], ['Contested', 'yes'], ['Silent yes', 'yes'],
    ]);
    const contested = log.body.items[2];
    expect(contested.nos[0]).toMatchObject({ by: 'cy', reasons: LONG_NO });
    expect(contested.secondsToDecision).toBeGreaterThanOrEqual(0);
    const nos = await call(t.app, cy, 'GET', '/api/v1/prfaqs/decisions?outcome=no');
    expect(nos.body.items.map((d: { title: string }) => d.title)).toEqual(['One way']);
    const paged = await call(t.app, cy, 'GET', '/api/v1/prfaqs/decisions?limit=3');
    const rest = await call(t.app, cy, 'GET', `/api/v1/prfaqs/decisions?limit=3&cursor=${paged.body.nextCursor}`);
    expect([...paged.body.items, ...rest.body.items].map((d: { id: string }) => d.id)).toEqual(log.body.items.map((d: { id: string }) => d.id));
  });

  it('values bold bets and flags a portfolio without long shots', async () => {
    const a = await document('Safe bet');
    const b = await document('Another safe bet');
    const bet = (n: number, value: unknown, version: number) => call(t.app, ada, 'PATCH', `/api/v1/prfaqs/${n}`, { bet: value }, { 'if-match': `"${version}"` });
    const bad = await bet(a, { probability: 1.5, payoff: 3, cost: 100 }, 1);
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'body.bet.probability']);
    expect((await bet(a, { probability: 0.5, payoff: 3, cost: 100 }, 1)).body.bet).toEqual({ probability: 0.5, payoff: 3, cost: 100 });
    await bet(b, { probability: 0.6, payoff: 2, cost: 50 }, 1);
    const safe = await call(t.app, cy, 'GET', '/api/v1/prfaqs/portfolio?team=ledger');
    // Expected return = p × payoff × cost: 0.5 × 3 × 100 = 150 and 0.6 × 2 × 50 = 60; value = return − cost.
    expect(safe.body.bets.map((x: { expectedReturn: number; expectedValue: number }) => [x.expectedReturn, x.expectedValue])).toEqual([[150, 50], [60, 10]]);
    expect(safe.body).toMatchObject({ totalCost: 150, expectedReturn: 210, expectedValue: 60, longShots: 0, noLongShots: true });
    expect(safe.body.advice).toContain('ten percent chance of a hundred times');
    const c = await document('Moonshot');
    await bet(c, { probability: 0.1, payoff: 100, cost: 10 }, 1);
    const bold = await call(t.app, cy, 'GET', '/api/v1/prfaqs/portfolio?team=ledger');
    expect(bold.body).toMatchObject({ expectedReturn: 310, expectedValue: 150, longShots: 1, noLongShots: false, advice: null });
    await call(t.app, ada, 'POST', `/api/v1/prfaqs/${c}/status`, { status: 'shelved' });
    expect((await call(t.app, cy, 'GET', '/api/v1/prfaqs/portfolio?team=ledger')).body.noLongShots).toBe(true);
  });
  it('lets an admin set the decision window (e.g. 5s for a trial); new requests get it', async () => {
    const before = await call(t.app, cy, 'GET', '/api/v1/prfaqs/settings');
    expect(before.body).toMatchObject({ decisionWindow: null, windowSeconds: 259_200, source: 'default' });
    const etag = before.headers.etag as string;
    expect((await call(t.app, cy, 'PATCH', '/api/v1/prfaqs/settings', { decisionWindow: '5s' }, { 'if-match': etag })).status).toBe(403);
    const bad = await call(t.app, adminCaller, 'PATCH', '/api/v1/prfaqs/settings', { decisionWindow: '0s' }, { 'if-match': etag });
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'body.decisionWindow']);
    const set = await call(t.app, adminCaller, 'PATCH', '/api/v1/prfaqs/settings', { decisionWindow: '5s' }, { 'if-match': etag });
    expect(set.body).toMatchObject({ decisionWindow: '5s', windowSeconds: 5, source: 'setting' });
    expect((await call(t.app, adminCaller, 'PATCH', '/api/v1/prfaqs/settings', { decisionWindow: '1m' }, { 'if-match': etag })).status).toBe(412);
    const n = await document('Quick trial');
    const asked = await request(n, { door: 'two_way' });
    expect(asked.body.windowSeconds).toBe(5);
    expect(Date.parse(asked.body.dueAt) - Date.parse(asked.body.requestedAt)).toBe(5000);
    now = new Date(Date.parse(asked.body.dueAt) + 1);
    expect(await scheduler().runOnce()).toBe(1);
    expect((await call(t.app, cy, 'GET', `/api/v1/prfaqs/${n}`)).body.decision).toBe('yes');
    const reset = await call(t.app, adminCaller, 'PATCH', '/api/v1/prfaqs/settings', { decisionWindow: null }, { 'if-match': set.headers.etag as string });
    expect(reset.body).toMatchObject({ decisionWindow: null, windowSeconds: 259_200 });
  });
  it('lets one of two simultaneous requests through and refuses the other', async () => {
    const n = await document('Racing requests');
    const both = await Promise.all([request(n, { door: 'two_way' }), request(n, { door: 'one_way' })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('PRFAQ_DECISION_PENDING');
    expect((await call(t.app, cy, 'GET', `/api/v1/prfaqs/${n}/decisions`)).body.items).toHaveLength(1);
  });
});
