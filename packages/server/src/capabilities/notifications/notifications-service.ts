import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { nowIso } from '../../platform/ids';
import type { NotificationsStore } from './notifications-store';
import { presentNotification } from './notify';

/** Each person reads and clears only their own inbox. */
export function createNotificationsService({ db, store, audit }: { db: Db; store: NotificationsStore; audit: AuditLog }) {
  return {
    list: (actor: Principal, query: Parameters<NotificationsStore['list']>[1]) => store.list(actor.id, query),
    unread: async (actor: Principal) => ({ unread: await store.countUnread(db, actor.id) }),

    /** Marking a read notice read again changes nothing. Another person's notice is not found. */
    read: (actor: Principal, id: string) =>
      db.transaction().execute(async (trx) => {
        const row = await store.byId(trx, actor.id, id);
        if (!row) throw new AppError('NOTIFICATION_NOT_FOUND', `You have no notification ${id}.`);
        if (row.read_at !== null) return presentNotification(row);
        const at = nowIso();
        await store.markRead(trx, id, at);
        const after = presentNotification({ ...row, read_at: at });
        await audit.record(trx, actor, { action: 'notification.read', entityType: 'notification', entityId: id, after: { readAt: at } });
        return after;
      }),

    readAll: (actor: Principal) =>
      db.transaction().execute(async (trx) => {
        const marked = await store.markAllRead(trx, actor.id, nowIso());
        if (marked > 0) await audit.record(trx, actor, { action: 'notification.read_all', entityType: 'person', entityId: actor.id, after: { marked } });
        return { marked };
      }),
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
