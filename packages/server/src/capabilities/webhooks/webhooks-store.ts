import { sql } from 'kysely';
import type { Webhook, WebhookDelivery } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { WebhooksTable } from '../../platform/db/schema';
import type { Principal } from '../../platform/auth/principal';
import type { OutboxNotice } from '../../platform/outbox/index';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';

export type WebhookRow = WebhooksTable;
export const WEBHOOK_SINK = 'webhook';

export function presentWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    format: row.format,
    events: JSON.parse(row.events_json) as string[],
    team: row.team_name,
    description: row.description,
    active: Boolean(row.active),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Newest first, by (created_at, id); the cursor is the last item's pair. */
function splitCursor(cursor: string | undefined): [string, string] | null {
  const key = decodeCursor(cursor);
  if (key === null) return null;
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

export function createWebhooksStore(db: Db) {
  return {
    byId: (trx: Db, id: string) => trx.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst(),
    insert: (trx: Db, row: WebhookRow) => trx.insertInto('webhooks').values(row).execute(),

    /** Applies a change only if the webhook is still at the version the caller read. */
    async update(trx: Db, id: string, expected: number, set: Partial<WebhookRow>): Promise<boolean> {
      const r = await trx.updateTable('webhooks').set({ ...set, version: expected + 1 }).where('id', '=', id).where('version', '=', expected).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Removes the webhook with its deliveries and their attempts (pending ones are never sent). */
    async remove(trx: Db, id: string, expected: number): Promise<boolean> {
      const deliveries = trx.selectFrom('outbox_deliveries').select('id').where('sink', '=', WEBHOOK_SINK).where('target_id', '=', id);
      await trx.deleteFrom('outbox_attempts').where('delivery_id', 'in', deliveries).execute();
      await trx.deleteFrom('outbox_deliveries').where('sink', '=', WEBHOOK_SINK).where('target_id', '=', id).execute();
      const r = await trx.deleteFrom('webhooks').where('id', '=', id).where('version', '=', expected).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },

    /** Admins see every webhook; others those of the teams they belong to. */
    async list(actor: Principal, query: { team?: string; limit: number; cursor?: string }) {
      let q = db.selectFrom('webhooks').selectAll();
      if (actor.role !== 'admin') q = q.where('team_id', 'in', db.selectFrom('team_members').select('team_id').where('person_id', '=', actor.id));
      if (query.team) q = q.where(sql<string>`lower(team_name)`, '=', query.team.toLowerCase());
      const after = splitCursor(query.cursor);
      if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])])]));
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return { items: page.map(presentWebhook), nextCursor: rows.length > query.limit ? encodeCursor(`${last.created_at}|${last.id}`) : null };
    },

    /** Inside the enqueuing transaction: active webhooks that want this type, and (for team webhooks) this team. */
    async subscribers(trx: Db, notice: OutboxNotice): Promise<string[]> {
      const rows = await trx.selectFrom('webhooks as w').leftJoin('teams as t', 't.id', 'w.team_id').select(['w.id', 'w.events_json', 'w.team_id', 't.name as team']).where('w.active', '=', 1).orderBy('w.created_at').execute();
      const team = notice.team?.toLowerCase() ?? null;
      return rows
        .filter((r) => {
          const events = JSON.parse(r.events_json) as string[];
          if (!events.includes('*') && !events.includes(notice.type)) return false;
          return r.team_id === null || (team !== null && r.team?.toLowerCase() === team);
        })
        .map((r) => r.id);
    },

    /** The delivery log of one webhook, newest first, each delivery with its attempts. */
    async deliveries(webhookId: string, query: { status?: WebhookDelivery['status']; limit: number; cursor?: string }, sink = WEBHOOK_SINK) {
      let q = db
        .selectFrom('outbox_deliveries as d')
        .innerJoin('outbox_notices as n', 'n.id', 'd.notice_id')
        .selectAll('d')
        .select(['n.type', 'n.occurred_at'])
        .where('d.sink', '=', sink)
        .where('d.target_id', '=', webhookId);
      if (query.status) q = q.where('d.status', '=', query.status);
      const after = splitCursor(query.cursor);
      if (after) q = q.where((eb) => eb.or([eb('d.created_at', '<', after[0]), eb.and([eb('d.created_at', '=', after[0]), eb('d.id', '<', after[1])])]));
      const rows = await q.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const attempts = page.length
        ? await db.selectFrom('outbox_attempts').selectAll().where('delivery_id', 'in', page.map((d) => d.id)).orderBy('attempt').execute()
        : [];
      const items: WebhookDelivery[] = page.map((d) => ({
        id: d.id,
        noticeId: d.notice_id,
        event: d.type,
        occurredAt: d.occurred_at,
        status: d.status,
        attempts: d.attempts,
        lastStatusCode: d.last_status_code,
        lastError: d.last_error,
        nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null,
        deliveredAt: d.delivered_at,
        createdAt: d.created_at,
        attemptLog: attempts
          .filter((a) => a.delivery_id === d.id)
          .map((a) => ({ attempt: a.attempt, at: a.at, durationMs: a.duration_ms, ok: Boolean(a.ok), statusCode: a.status_code, error: a.error })),
      }));
      const last = page[page.length - 1];
      return { items, nextCursor: rows.length > query.limit ? encodeCursor(`${last.created_at}|${last.id}`) : null };
    },
  };
}
export type WebhooksStore = ReturnType<typeof createWebhooksStore>;
