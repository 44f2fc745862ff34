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

/** One inbox entry, with the title and body cut to what the inbox keeps (300 and 5,000 characters). */
export const inboxRow = (n: { recipientId: string; kind: string; title: string; body: string; link: string | null; at: string; noticeId: string | null }): NotificationsTable => ({
  id: newId(),
  recipient_id: n.recipientId,
  kind: n.kind,
  title: n.title.slice(0, 300),
  body: n.body.slice(0, 5000),
  link: n.link,
  created_at: n.at,
  read_at: null,
  notice_id: n.noticeId,
});

/** Puts a notice in one person's in-app inbox, inside the caller's transaction: it exists exactly when
 *  the change that caused it committed. A recipient who is not in the directory gets nothing (null). */
export async function notify(trx: Db, input: NoticeForPerson): Promise<Notification | null> {
  if (!KIND.test(input.kind) || input.kind.length > 60) throw new Error(`notification kind "${input.kind}" must be dotted lower-case words`);
  if (input.link && !input.link.startsWith('/')) throw new Error(`notification link "${input.link}" must be a path in the web app`);
  const person = await trx.selectFrom('people').select('id').where(sql<string>`lower(name)`, '=', input.recipient.toLowerCase()).executeTakeFirst();
  if (!person) return null;
  const row = inboxRow({ recipientId: person.id, kind: input.kind, title: input.title, body: input.body ?? '', link: input.link ?? null, at: input.at ?? nowIso(), noticeId: null });
  await trx.insertInto('notifications').values(row).execute();
  return presentNotification(row);
}
