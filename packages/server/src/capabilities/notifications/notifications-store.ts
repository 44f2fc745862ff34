import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema';
import type { Db } from '../../platform/db/database';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { presentNotification } from './notify';

const UNREAD_FIRST = sql<number>`case when read_at is null then 0 else 1 end`;

/** A person's inbox: unread first, then newest first; keyset cursors over (read?, created_at, id). */
export function createNotificationsStore(db: Db) {
  const countUnread = async (trx: Db, personId: string) =>
    Number((await trx.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('recipient_id', '=', personId).where('read_at', 'is', null).executeTakeFirstOrThrow()).n);

  return {
    countUnread,

    async list(personId: string, query: { limit: number; cursor?: string; unread?: 'true' | 'false' }) {
      let q = db.selectFrom('notifications').selectAll().where('recipient_id', '=', personId);
      if (query.unread === 'true') q = q.where('read_at', 'is', null);
      if (query.unread === 'false') q = q.where('read_at', 'is not', null);
      const key = decodeCursor(query.cursor);
      if (key) {
        const [bucket, at, id] = key.split('|');
        const older = (eb: ExpressionBuilder<Database, 'notifications'>) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]);
        q = bucket === '0'
          ? q.where((eb) => eb.or([eb.and([eb('read_at', 'is', null), older(eb)]), eb('read_at', 'is not', null)]))
          : q.where((eb) => eb.and([eb('read_at', 'is not', null), older(eb)]));
      }
      const rows = await q.orderBy(UNREAD_FIRST).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(presentNotification),
        nextCursor: rows.length > query.limit ? encodeCursor(`${last.read_at === null ? 0 : 1}|${last.created_at}|${last.id}`) : null,
        unread: await countUnread(db, personId),
      };
    },

    byId: (trx: Db, personId: string, id: string) => trx.selectFrom('notifications').selectAll().where('id', '=', id).where('recipient_id', '=', personId).executeTakeFirst(),

    markRead: (trx: Db, id: string, at: string) => trx.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute(),

    async markAllRead(trx: Db, personId: string, at: string) {
      const r = await trx.updateTable('notifications').set({ read_at: at }).where('recipient_id', '=', personId).where('read_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}
export type NotificationsStore = ReturnType<typeof createNotificationsStore>;
