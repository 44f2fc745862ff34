import type { CreatedWebhook, CreateWebhookBody, PatchWebhookBody, Webhook, WebhookDelivery } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { newId, nowIso, randomSecret } from '../../platform/ids';
import { presentWebhook, type WebhookRow, type WebhooksStore } from './webhooks-store';
import { assertMayManage, resolveTeam } from './webhooks-policy';

interface Deps {
  db: Db;
  store: WebhooksStore;
  audit: AuditLog;
}

/** The signing key: random, shown once on registration, kept in the database because signing needs it. */
export const newWebhookSecret = (): string => `whsec_${randomSecret(32)}`;

export function createWebhooksService({ db, store, audit }: Deps) {
  async function mustFind(trx: Db, id: string): Promise<WebhookRow> {
    const row = await store.byId(trx, id);
    if (!row) throw new AppError('WEBHOOK_NOT_FOUND', `No webhook has id ${id}.`);
    return row;
  }

  const stale = (row: WebhookRow, expected: number) =>
    new AppError('PRECONDITION_FAILED', `The webhook is at version ${row.version}, not ${expected}; reload it and apply your change again.`);

  return {
    create(actor: Principal, input: CreateWebhookBody): Promise<CreatedWebhook> {
      return db.transaction().execute(async (trx) => {
        const team = await resolveTeam(trx, actor, input.team ?? null);
        const now = nowIso();
        const row: WebhookRow = {
          id: newId(),
          url: input.url,
          format: input.format,
          events_json: JSON.stringify(input.events),
          team_id: team?.id ?? null,
          team_name: team?.name ?? null,
          description: input.description ?? '',
          secret: newWebhookSecret(),
          active: input.active ? 1 : 0,
          created_by: actor.name,
          created_at: now,
          updated_at: now,
          version: 1,
        };
        await store.insert(trx, row);
        const hook = presentWebhook(row);
        // The secret never goes into the audit log.
        await audit.record(trx, actor, { action: 'webhook.created', entityType: 'webhook', entityId: row.id, after: hook });
        return { ...hook, secret: row.secret };
      });
    },

    list: (actor: Principal, query: { team?: string; limit: number; cursor?: string }) => store.list(actor, query),

    detail(actor: Principal, id: string): Promise<Webhook> {
      return db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, id);
        await assertMayManage(trx, actor, row);
        return presentWebhook(row);
      });
    },

    update(actor: Principal, id: string, expected: number, patch: PatchWebhookBody): Promise<Webhook> {
      return db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, id);
        await assertMayManage(trx, actor, row);
        if (row.version !== expected) throw stale(row, expected);
        const set: Partial<WebhookRow> = { updated_at: nowIso() };
        if (patch.url !== undefined) set.url = patch.url;
        if (patch.format !== undefined) set.format = patch.format;
        if (patch.events !== undefined) set.events_json = JSON.stringify(patch.events);
        if (patch.description !== undefined) set.description = patch.description;
        if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
        if (patch.team !== undefined) {
          const team = await resolveTeam(trx, actor, patch.team);
          set.team_id = team?.id ?? null;
          set.team_name = team?.name ?? null;
        }
        if (!(await store.update(trx, row.id, expected, set))) throw stale(row, expected);
        const after = presentWebhook((await store.byId(trx, row.id))!);
        await audit.record(trx, actor, { action: 'webhook.updated', entityType: 'webhook', entityId: row.id, before: presentWebhook(row), after });
        return after;
      });
    },

    remove(actor: Principal, id: string, expected: number): Promise<void> {
      return db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, id);
        await assertMayManage(trx, actor, row);
        if (row.version !== expected || !(await store.remove(trx, row.id, expected))) throw stale(row, expected);
        await audit.record(trx, actor, { action: 'webhook.deleted', entityType: 'webhook', entityId: row.id, before: presentWebhook(row) });
      });
    },

    async deliveries(actor: Principal, id: string, query: { status?: WebhookDelivery['status']; limit: number; cursor?: string }) {
      await db.transaction().execute(async (trx) => assertMayManage(trx, actor, await mustFind(trx, id)));
      return store.deliveries(id, query);
    },
  };
}
export type WebhooksService = ReturnType<typeof createWebhooksService>;
