import { noticeKinds, type NoticeKind, type NotificationPreferences, type PutNotificationPreferencesBody } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import type { NotificationSettingsTable } from '../../platform/db/schema';
import { AppError } from '../../platform/errors/app-error';
import { nowIso } from '../../platform/ids';
import { choicesOf } from './notice-choices';

/** What each kind of notice is, as the preferences page says it. */
export const noticeDescriptions: Record<NoticeKind, string> = {
  'andon.pulled': 'Someone pulled the andon cord on something your team owns or you watch',
  'andon.acknowledged': 'A pull on something your team owns or you watch was acknowledged',
  'andon.resolved': 'A pull on something your team owns or you watch was resolved',
  'andon.overridden': 'Deploys were let through a pull on something your team owns or you watch',
  'coe.action_item_overdue': 'An action item you own, or of a COE you watch, is past its due date (once a day)',
  'prfaq.review_invited': 'You are invited to review a PR/FAQ',
  'prfaq.decision_needed': 'A PR/FAQ waits on your decision',
  'prfaq.decided': 'A PR/FAQ you wrote, decided, your team owns or you watch was decided',
};

type Settings = NotificationSettingsTable;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });

/** Each person's choices: which kinds of notice reach them, in the inbox, on their own webhook, or both.
 *  Without a choice a kind goes to the inbox only. The personal webhook is signed like a team webhook
 *  (HMAC-SHA256 with a secret shown once) and delivered through the same outbox, with retries. */
export function createPreferencesService({ db, audit, newSecret }: { db: Db; audit: AuditLog; newSecret: () => string }) {
  const settingsOf = (trx: Db, personId: string) => trx.selectFrom('notification_settings').selectAll().where('person_id', '=', personId).executeTakeFirst();

  async function read(trx: Db, personId: string): Promise<NotificationPreferences> {
    const settings = await settingsOf(trx, personId);
    const choice = await choicesOf(trx, [...noticeKinds], [personId]);
    return {
      kinds: noticeKinds.map((kind) => ({ kind, description: noticeDescriptions[kind], ...choice(personId, kind) })),
      webhook: { url: settings?.webhook_url ?? null, format: settings?.webhook_format ?? 'json' },
      version: settings?.version ?? 0,
      updatedAt: settings?.updated_at ?? null,
    };
  }

  return {
    get: (actor: Principal) => read(db, actor.id),

    /** Changes only what the body lists, over the version read (If-Match; "0" before the first change).
     *  The reply carries `secret` when a new signing secret was made: the first URL, or newSecret: true. */
    put: (actor: Principal, expected: number, input: PutNotificationPreferencesBody) =>
      db.transaction().execute(async (trx) => {
        const before = await read(trx, actor.id);
        if (before.version !== expected) throw new AppError('PRECONDITION_FAILED', `Your notification choices are at version ${before.version}, not ${expected}; reload them and choose again.`);
        const seen = new Set<string>();
        input.kinds?.forEach((k, i) => {
          if (seen.has(k.kind)) throw invalid(`kinds.${i}.kind`, `${k.kind} is listed twice`);
          seen.add(k.kind);
        });

        const old = await settingsOf(trx, actor.id);
        const url = input.webhook?.url === undefined ? (old?.webhook_url ?? null) : input.webhook.url;
        const wantsWebhook = before.kinds.some((k) => (input.kinds?.find((c) => c.kind === k.kind)?.webhook ?? k.webhook) === true);
        if (wantsWebhook && !url) throw invalid('webhook.url', 'is needed while any kind is sent to the webhook; give a URL or turn webhook off for every kind');
        if (input.webhook?.newSecret && !url) throw invalid('webhook.newSecret', 'needs a webhook URL');

        const secret = url && (!old?.webhook_secret || input.webhook?.newSecret) ? newSecret() : (old?.webhook_secret ?? null);
        const now = nowIso();
        const settings: Settings = {
          person_id: actor.id,
          webhook_url: url,
          webhook_format: input.webhook?.format ?? old?.webhook_format ?? 'json',
          webhook_secret: url ? secret : null,
          version: before.version + 1,
          updated_at: now,
        };
        if (old) await trx.updateTable('notification_settings').set(settings).where('person_id', '=', actor.id).execute();
        else await trx.insertInto('notification_settings').values(settings).execute();

        for (const k of input.kinds ?? []) {
          const current = before.kinds.find((c) => c.kind === k.kind)!;
          const values = { inbox: (k.inbox ?? current.inbox) ? 1 : 0, webhook: (k.webhook ?? current.webhook) ? 1 : 0 };
          await trx
            .insertInto('notification_preferences')
            .values({ person_id: actor.id, kind: k.kind, ...values })
            .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet(values))
            .execute();
        }
        const after = await read(trx, actor.id);
        // The secret never goes into the audit log.
        await audit.record(trx, actor, { action: 'notification.preferences_changed', entityType: 'person', entityId: actor.id, before, after });
        return secret && secret !== old?.webhook_secret ? { ...after, secret } : after;
      }),
  };
}
export type PreferencesService = ReturnType<typeof createPreferencesService>;
