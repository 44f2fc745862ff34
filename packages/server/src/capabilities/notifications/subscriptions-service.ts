import type { CreateSubscriptionBody, Subscription, SubscriptionKind } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import type { NotificationSubscriptionsTable } from '../../platform/db/schema';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { newId, nowIso } from '../../platform/ids';
import { describeTargets, findTargetId, resolveTarget, type WatchTarget } from './watch-targets';

type Row = NotificationSubscriptionsTable;

const present = (row: Row, target: WatchTarget): Subscription => ({ id: row.id, kind: row.kind, targetId: row.target_id, name: target.name, title: target.title, link: target.link, createdAt: row.created_at });

/** What each person watches: teams, services, PR/FAQs and COEs. Watching adds the target's notices to
 *  the person's inbox (or personal webhook, as they choose per kind). Each person sees and changes only
 *  their own subscriptions. */
export function createSubscriptionsService({ db, audit }: { db: Db; audit: AuditLog }) {
  /** Rows with their targets; a target removed since is left out (its notices cannot come any more). */
  async function presentAll(trx: Db, rows: Row[]): Promise<Subscription[]> {
    const byKind = new Map<SubscriptionKind, Map<string, WatchTarget>>();
    for (const kind of new Set(rows.map((r) => r.kind))) byKind.set(kind, await describeTargets(trx, kind, rows.filter((r) => r.kind === kind).map((r) => r.target_id)));
    return rows.flatMap((r) => {
      const target = byKind.get(r.kind)?.get(r.target_id);
      return target ? [present(r, target)] : [];
    });
  }

  return {
    /** Watching something already watched answers the existing subscription (created: false). */
    watch: (actor: Principal, input: CreateSubscriptionBody) =>
      db.transaction().execute(async (trx) => {
        const target = await resolveTarget(trx, input.kind, input);
        const existing = await trx.selectFrom('notification_subscriptions').selectAll().where('person_id', '=', actor.id).where('kind', '=', input.kind).where('target_id', '=', target.id).executeTakeFirst();
        if (existing) return { subscription: present(existing, target), created: false };
        const row: Row = { id: newId(), person_id: actor.id, kind: input.kind, target_id: target.id, created_at: nowIso() };
        await trx.insertInto('notification_subscriptions').values(row).execute();
        const subscription = present(row, target);
        await audit.record(trx, actor, { action: 'notification.subscribed', entityType: 'notification_subscription', entityId: row.id, after: subscription });
        return { subscription, created: true };
      }),

    /** Newest first; `kind` and `name` narrow it (name with kind: is this one watched?). */
    async list(actor: Principal, query: { kind?: SubscriptionKind; name?: string; limit: number; cursor?: string }) {
      let q = db.selectFrom('notification_subscriptions').selectAll().where('person_id', '=', actor.id);
      if (query.kind) q = q.where('kind', '=', query.kind);
      if (query.name !== undefined) {
        if (!query.kind) throw new AppError('VALIDATION_FAILED', 'query.name: needs query.kind', { errors: [{ path: 'query.name', message: 'needs kind (team, service, prfaq or coe)' }] });
        const id = await findTargetId(db, query.kind, query.name);
        if (!id) return { items: [], nextCursor: null };
        q = q.where('target_id', '=', id);
      }
      const key = decodeCursor(query.cursor);
      if (key) {
        const [at, id] = key.split('|');
        q = q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id ?? '')])]));
      }
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return { items: await presentAll(db, page), nextCursor: rows.length > query.limit ? encodeCursor(`${last.created_at}|${last.id}`) : null };
    },

    unwatch: (actor: Principal, id: string) =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('notification_subscriptions').selectAll().where('id', '=', id).where('person_id', '=', actor.id).executeTakeFirst();
        if (!row) throw new AppError('NOTIFICATION_SUBSCRIPTION_NOT_FOUND', `You have no subscription ${id}.`);
        await trx.deleteFrom('notification_subscriptions').where('id', '=', id).execute();
        await audit.record(trx, actor, { action: 'notification.unsubscribed', entityType: 'notification_subscription', entityId: id, before: { kind: row.kind, targetId: row.target_id } });
      }),
  };
}
export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
