import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, dialects, signUp, inboxOutbox, type Caller, type TestApp } from './harness';
import { notify } from '../src/capabilities/notifications/index';
import { createCoe } from '../src/capabilities/coe/index';
import { createAuditLog } from '../src/platform/audit/audit-log';

describe.each(dialects)('in-app notifications on %s', (dialect) => {
  let t: TestApp;
  let olga: Caller;
  let milo: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    olga = await signUp(t.app, 'olga');
    milo = await signUp(t.app, 'milo');
  });
  afterAll(() => t.close());

  const post = (recipient: string, title: string, at: string) =>
    t.database.db.transaction().execute((trx) => notify(trx, { recipient, kind: 'test.notice', title, body: `body of ${title}`, link: '/coes/1', at }));

  it('lists my notices unread first, newest first, in cursor pages, with the unread count', async () => {
    await post('olga', 'n1', '2026-11-20T10:00:00.000Z');
    await post('OLGA', 'n2', '2026-11-21T10:00:00.000Z');
    await post('olga', 'n3', '2026-11-22T10:00:00.000Z');
    await post('olga', 'n4', '2026-11-23T10:00:00.000Z');
    await post('milo', 'for milo', '2026-11-23T10:00:00.000Z');
    expect(await t.database.db.transaction().execute((trx) => notify(trx, { recipient: 'ghost', kind: 'test.notice', title: 'nobody' }))).toBeNull();

    const all = await call(t.app, olga, 'GET', '/api/v1/notifications');
    expect(all.body.items.map((n: { title: string }) => n.title)).toEqual(['n4', 'n3', 'n2', 'n1']);
    expect(all.body.items[0]).toMatchObject({ kind: 'test.notice', body: 'body of n4', link: '/coes/1', readAt: null });
    expect(all.body.unread).toBe(4);

    const n3 = all.body.items[1];
    const read = await call(t.app, olga, 'POST', `/api/v1/notifications/${n3.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await call(t.app, olga, 'POST', `/api/v1/notifications/${n3.id}/read`)).body.readAt).toBe(read.body.readAt);
    expect((await call(t.app, olga, 'GET', '/api/v1/notifications/unread-count')).body).toEqual({ unread: 3 });

    // Pages of two cross from the unread notices to the read one without losing or repeating any.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { title: string }[]; nextCursor: string | null } } = await call(t.app, olga, 'GET', `/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((n) => n.title));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['n4', 'n2', 'n1', 'n3']);
    expect((await call(t.app, olga, 'GET', '/api/v1/notifications?unread=true')).body.items.map((n: { title: string }) => n.title)).toEqual(['n4', 'n2', 'n1']);
    expect((await call(t.app, olga, 'GET', '/api/v1/notifications?unread=false')).body.items.map((n: { title: string }) => n.title)).toEqual(['n3']);
  });

  it("keeps each inbox private and refuses bad input", async () => {
    const milos = (await call(t.app, milo, 'GET', '/api/v1/notifications')).body.items;
    expect(milos.map((n: { title: string }) => n.title)).toEqual(['for milo']);
    const other = await call(t.app, olga, 'POST', `/api/v1/notifications/${milos[0].id}/read`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await call(t.app, olga, 'GET', '/api/v1/notifications?cursor=garbage')).body.errors[0].path).toBe('query.cursor');
    expect((await call(t.app, olga, 'GET', '/api/v1/notifications?limit=0')).status).toBe(400);
    expect((await call(t.app, null, 'GET', '/api/v1/notifications')).status).toBe(401);
    await expect(t.database.db.transaction().execute((trx) => notify(trx, { recipient: 'olga', kind: 'Bad Kind', title: 'x' }))).rejects.toThrow(/dotted/);
    await expect(t.database.db.transaction().execute((trx) => notify(trx, { recipient: 'olga', kind: 'a.b', title: 'x', link: 'https://evil.example' }))).rejects.toThrow(/path/);
  });

  it('marks everything read at once, with an audit entry', async () => {
    const res = await call(t.app, olga, 'POST', '/api/v1/notifications/read-all');
    expect(res.body).toEqual({ marked: 3 });
    expect((await call(t.app, olga, 'POST', '/api/v1/notifications/read-all')).body).toEqual({ marked: 0 });
    expect((await call(t.app, olga, 'GET', '/api/v1/notifications/unread-count')).body).toEqual({ unread: 0 });
    expect((await call(t.app, milo, 'GET', '/api/v1/notifications/unread-count')).body).toEqual({ unread: 1 });
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'notification.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['notification.read', 'notification.read_all']);
  });

  it("puts each overdue reminder in its owner's inbox once, with the outbox notice", async () => {
    await call(t.app, olga, 'POST', '/api/v1/teams', { name: 'payments' });
    const coe = await call(t.app, olga, 'POST', '/api/v1/coes', { title: 'Slow checkout', team: 'payments' });
    const item = await call(t.app, olga, 'POST', `/api/v1/coes/${coe.body.number}/action-items`, { title: 'Add an index', owner: 'milo', dueDate: '2099-01-01', type: 'prevent' });
    await t.database.db.updateTable('coe_action_items').set({ due_date: '2026-11-01' }).where('id', '=', item.body.id).execute();
    const clock = () => new Date('2026-11-26T08:00:00Z');
    const coes = createCoe({ db: t.database.db, dialect: t.database.dialect, audit: createAuditLog(t.database.dialect), outbox: inboxOutbox(t.database.db), clock });
    expect(await coes.reminders.runOnce()).toBe(1);
    expect(await coes.reminders.runOnce()).toBe(0);
    const inbox = await call(t.app, milo, 'GET', '/api/v1/notifications?unread=true');
    const reminders = inbox.body.items.filter((n: { kind: string }) => n.kind === 'coe.action_item_overdue');
    expect(reminders).toEqual([
      expect.objectContaining({
        title: 'Overdue action item: Add an index',
        body: `It was due on 2026-11-01 (COE ${coe.body.number}). Mark it done, or won't do with a reason.`,
        link: `/coes/${coe.body.number}`,
        createdAt: '2026-11-26T08:00:00.000Z',
      }),
    ]);
    const notices = await t.database.db.selectFrom('outbox_notices').select('type').where('type', '=', 'coe.action_item_overdue').execute();
    expect(notices).toHaveLength(1);
  });

  it('writes nothing to the inbox when the transaction that notifies rolls back', async () => {
    const before = (await call(t.app, olga, 'GET', '/api/v1/notifications')).body.items.length;
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await notify(trx, { recipient: 'olga', kind: 'test.notice', title: 'never' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await call(t.app, olga, 'GET', '/api/v1/notifications')).body.items.length).toBe(before);
  });
});
