import { sql } from 'kysely';
import type { Notification } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { NotificationsTable } from '../../platform/db/schema';
import { newId, nowIso } from '../../platform/ids';

export interface NoticeForPerson {
  /** The person's name (any case). */
  recipient: string;
  /** A dotted kind, e.g. coe.action_item_overdue or andon.pulled. */
  kind: string;
  title: string;
  body?: string;
  /** A path in the web app, e.g. /coes/12. */
  link?: string | null;
  at?: string;
}

const KIND = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

export const presentNotification = (r: NotificationsTable): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** Puts a notice in one person's in-app inbox, inside the caller's transaction: it exists exactly when
 *  the change that caused it committed. A recipient who is not in the directory gets nothing (null). */
export async function notify(trx: Db, input: NoticeForPerson): Promise<Notification | null> {
  if (!KIND.test(input.kind) || input.kind.length > 60) throw new Error(`notification kind "${input.kind}" must be dotted lower-case words`);
  if (input.link && !input.link.startsWith('/')) throw new Error(`notification link "${input.link}" must be a path in the web app`);
  const person = await trx.selectFrom('people').select('id').where(sql<string>`lower(name)`, '=', input.recipient.toLowerCase()).executeTakeFirst();
  if (!person) return null;
  const row: NotificationsTable = {
    id: newId(),
    recipient_id: person.id,
    kind: input.kind,
    title: input.title.slice(0, 300),
    body: (input.body ?? '').slice(0, 5000),
    link: input.link ?? null,
    created_at: input.at ?? nowIso(),
    read_at: null,
  };
  await trx.insertInto('notifications').values(row).execute();
  return presentNotification(row);
}
