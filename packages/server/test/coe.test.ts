import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

describe.each(dialects)('Correction of Error on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  let mate: Caller;
  let outsider: Caller;
  let coeNumber: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    owner = await signUp(t.app, 'olga');
    mate = await signUp(t.app, 'milo');
    outsider = await signUp(t.app, 'rhea');
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'payments' });
    await call(t.app, owner, 'POST', '/api/v1/teams/payments/members', { person: 'milo' });
    await call(t.app, owner, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
  });
  afterAll(() => t.close());

  const section = async (caller: Caller, name: string, content: unknown, version: number) =>
    call(t.app, caller, 'PUT', `/api/v1/coes/${coeNumber}/sections/${name}`, { content }, { 'if-match': `"${version}"` });

  it('starts a draft from a severity 2 pull when it is resolved, with the timeline prefilled', async () => {
    const pull = await call(t.app, outsider, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Card payments failing', severity: 2 });
    await call(t.app, owner, 'POST', `/api/v1/andon/pulls/${pull.body.id}/acknowledge`, {});
    const resolved = await call(t.app, owner, 'POST', `/api/v1/andon/pulls/${pull.body.id}/resolve`, { note: 'Rolled back the card client' });
    expect(resolved.body.coe).toBeGreaterThan(0);
    coeNumber = resolved.body.coe;
    const coe = await call(t.app, owner, 'GET', `/api/v1/coes/${coeNumber}`);
    expect(coe.body).toMatchObject({ team: 'payments', status: 'draft', services: ['component:default/checkout'], pulls: [pull.body.id] });
    const timeline = coe.body.sections.find((s: { name: string }) => s.name === 'timeline').content;
    expect(timeline.map((e: { milestone?: string }) => e.milestone)).toEqual(['detected', 'acknowledged', 'resolved']);
    expect(coe.body.lint.map((l: { code: string }) => l.code)).toContain('NO_ACTION_ITEMS');
    const minor = await call(t.app, outsider, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Slow page', severity: 3 });
    const minorResolved = await call(t.app, owner, 'POST', `/api/v1/andon/pulls/${minor.body.id}/resolve`, { note: 'cache warmed' });
    expect(minorResolved.body.coe).toBeNull();
  });

  it('refuses out-of-order milestones, an empty why and outsiders, naming the field', async () => {
    const order = await section(owner, 'timeline', [
      { at: '2026-11-20T10:00:00Z', text: 'Deploy', milestone: 'started' },
      { at: '2026-11-20T10:30:00Z', text: 'Fixed', milestone: 'resolved' },
      { at: '2026-11-20T10:40:00Z', text: 'Pager', milestone: 'detected' },
    ], 1);
    expect(order.status).toBe(400);
    expect(order.body.errors[0].path).toBe('content.2.milestone');
    const emptyWhy = await section(owner, 'rootCause', [{ steps: [{ why: '', because: 'x' }] }], 1);
    expect(emptyWhy.body.errors[0].path).toBe('content.0.steps.0.why');
    const outsiderEdit = await section(outsider, 'summary', 'mine', 1);
    expect(outsiderEdit.status).toBe(403);
  });

  it('lets two people edit different sections at once; the same section gets 412 with the current text', async () => {
    const [a, b] = await Promise.all([section(owner, 'summary', 'Card payments failed for 42 minutes.', 1), section(mate, 'lessons', 'Canary the card client.', 1)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const stale = await section(mate, 'summary', 'A different summary', 1);
    expect(stale.status).toBe(412);
    expect(stale.body.current).toEqual({ content: 'Card payments failed for 42 minutes.', version: 2, updatedBy: 'olga' });
    const coe = await call(t.app, owner, 'GET', `/api/v1/coes/${coeNumber}`);
    expect(coe.body.sections.find((s: { name: string }) => s.name === 'summary').content).toBe('Card payments failed for 42 minutes.');
  });

  it('computes durations from milestones and advises on blame and depth without blocking', async () => {
    const ok = await section(owner, 'timeline', [
      { at: '2026-11-20T10:00:00Z', text: 'Deploy of card client 4.2', milestone: 'started' },
      { at: '2026-11-20T10:05:00Z', text: 'Error-rate alarm', milestone: 'detected' },
      { at: '2026-11-20T10:20:00Z', text: 'Rolled back', milestone: 'mitigated' },
      { at: '2026-11-20T10:42:00Z', text: 'All clear', milestone: 'resolved' },
    ], 1);
    expect(ok.status).toBe(200);
    await section(owner, 'rootCause', [{ steps: [{ why: 'did payments fail', because: 'Milo deployed a bad config, human error' }] }], 1);
    await section(owner, 'impact', { description: 'Many customers could not pay' }, 1);
    const coe = await call(t.app, owner, 'GET', `/api/v1/coes/${coeNumber}`);
    expect(coe.body.durations).toEqual({ secondsToDetect: 300, secondsToMitigate: 1200, secondsToResolve: 2520 });
    const codes = coe.body.lint.map((l: { code: string }) => l.code);
    expect(codes).toEqual(expect.arrayContaining(['NAMES_A_PERSON', 'SHALLOW_WHYS', 'HUMAN_ERROR_ROOT_CAUSE', 'IMPACT_WITHOUT_NUMBERS']));
    expect(coe.body.lint.find((l: { code: string }) => l.code === 'NAMES_A_PERSON').message).toContain('milo');
  });

  it('validates action items: owner exists, due date not before the COE', async () => {
    const url = `/api/v1/coes/${coeNumber}/action-items`;
    const ghost = await call(t.app, owner, 'POST', url, { title: 'Canary', owner: 'nobody', dueDate: '2030-01-01', type: 'prevent' });
    expect(ghost.body.errors[0].path).toBe('owner');
    const early = await call(t.app, owner, 'POST', url, { title: 'Canary', owner: 'milo', dueDate: '2001-01-01', type: 'prevent' });
    expect(early.body.errors[0].path).toBe('dueDate');
    const a = await call(t.app, owner, 'POST', url, { title: 'Canary the card client', owner: 'milo', dueDate: '2030-01-01', type: 'prevent', priority: 'high' });
    expect(a.status).toBe(201);
    const b = await call(t.app, owner, 'POST', url, { title: 'Alarm on card errors', owner: 'olga', dueDate: '2030-02-01', type: 'mitigate' });
    expect(b.body).toMatchObject({ status: 'open', overdue: false, coe: coeNumber });
    const mine = await call(t.app, mate, 'GET', '/api/v1/action-items?owner=milo');
    expect(mine.body.items.map((i: { title: string }) => i.title)).toEqual(['Canary the card client']);
  });

  it('runs the review: an outside reviewer marks it reviewed; it closes only when no item is open', async () => {
    expect((await call(t.app, outsider, 'POST', `/api/v1/coes/${coeNumber}/submit`)).status).toBe(403);
    expect((await call(t.app, owner, 'POST', `/api/v1/coes/${coeNumber}/submit`)).body.status).toBe('in_review');
    const early = await call(t.app, owner, 'POST', `/api/v1/coes/${coeNumber}/close`);
    expect(early.body.code).toBe('COE_NOT_REVIEWED');
    const inside = await call(t.app, mate, 'POST', `/api/v1/coes/${coeNumber}/reviews`, { note: 'Looks right' });
    expect(inside.body.status).toBe('in_review');
    const outside = await call(t.app, outsider, 'POST', `/api/v1/coes/${coeNumber}/reviews`, { note: 'Why did the canary not exist?' });
    expect(outside.body.status).toBe('reviewed');
    const refused = await call(t.app, owner, 'POST', `/api/v1/coes/${coeNumber}/close`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COE_HAS_OPEN_ACTION_ITEMS');
    expect(refused.body.openItems.map((i: { title: string }) => i.title).sort()).toEqual(['Alarm on card errors', 'Canary the card client']);
    const items = (await call(t.app, owner, 'GET', `/api/v1/coes/${coeNumber}`)).body.actionItems;
    const wont = await call(t.app, owner, 'PATCH', `/api/v1/coes/${coeNumber}/action-items/${items[0].id}`, { status: 'wont_do' }, { 'if-match': `"${items[0].version}"` });
    expect(wont.body.errors[0].path).toBe('wontDoReason');
    for (const item of items) {
      const done = await call(t.app, item.owner === 'milo' ? mate : owner, 'PATCH', `/api/v1/coes/${coeNumber}/action-items/${item.id}`, { status: 'done' }, { 'if-match': `"${item.version}"` });
      expect(done.body.status).toBe('done');
    }
    const closed = await call(t.app, owner, 'POST', `/api/v1/coes/${coeNumber}/close`);
    expect(closed.body.status).toBe('closed');
    const md = await t.app.inject({ method: 'GET', url: `/api/v1/coes/${coeNumber}/markdown`, headers: owner.headers });
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain('## Root cause');
    expect(md.body).toContain('| Canary the card client | milo | 2030-01-01 | high | prevent | done |');
    const found = await call(t.app, outsider, 'GET', '/api/v1/coes?q=canary');
    expect(found.body.items.map((c: { number: number }) => c.number)).toContain(coeNumber);
  });

  it('sends each overdue reminder once, through the outbox', async () => {
    const coe = await call(t.app, owner, 'POST', '/api/v1/coes', { title: 'Slow checkout', team: 'payments', services: ['component:default/checkout'] });
    expect(coe.body.related.map((r: { number: number }) => r.number)).toContain(coeNumber);
    const item = await call(t.app, owner, 'POST', `/api/v1/coes/${coe.body.number}/action-items`, { title: 'Add an index', owner: 'olga', dueDate: new Date().toISOString().slice(0, 10), type: 'prevent' });
    await t.database.db.updateTable('coe_action_items').set({ due_date: '2026-01-01' }).where('id', '=', item.body.id).execute();
    const overdue = await call(t.app, owner, 'GET', '/api/v1/action-items?overdue=true');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([item.body.id]);
    const notices = () => t.database.db.selectFrom('outbox_notices').selectAll().where('type', '=', 'coe.action_item_overdue').execute();
    const before = (await notices()).length;
    const { createCoe } = await import('../src/capabilities/coe/index');
    const { createOutbox } = await import('../src/platform/outbox/index');
    const { createAuditLog } = await import('../src/platform/audit/audit-log');
    const coes = createCoe({ db: t.database.db, dialect: t.database.dialect, audit: createAuditLog(t.database.dialect), outbox: createOutbox({}) });
    expect(await coes.reminders.runOnce()).toBe(1);
    expect(await coes.reminders.runOnce()).toBe(0);
    expect((await notices()).length).toBe(before + 1);
  });
});
