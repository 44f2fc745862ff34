import type { Db } from '../../platform/db/database';
import type { Actor, AuditLog } from '../../platform/audit/audit-log';
import { AppError } from '../../platform/errors/app-error';
import { nowIso, randomSecret } from '../../platform/ids';

const INVITE_DAYS = 14;

export interface Settings {
  signupMode: 'open' | 'invite';
  version: number;
}

/** Instance settings (who may sign up) and invitations. */
export function createSettingsService(db: Db, audit: AuditLog) {
  async function get(trx: Db = db): Promise<Settings> {
    const row = await trx.selectFrom('instance_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    return { signupMode: row.signup_mode, version: row.version };
  }

  return {
    get,

    update(actor: Actor, expectedVersion: number, patch: { signupMode?: Settings['signupMode'] }): Promise<Settings> {
      return db.transaction().execute(async (trx) => {
        const before = await get(trx);
        const result = await trx
          .updateTable('instance_settings')
          .set({ signup_mode: patch.signupMode ?? before.signupMode, version: before.version + 1 })
          .where('id', '=', 1)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) {
          throw new AppError('PRECONDITION_FAILED', `Settings are at version ${before.version}, not ${expectedVersion}; reload and retry.`);
        }
        const after = await get(trx);
        await audit.record(trx, actor, { action: 'settings.updated', entityType: 'settings', entityId: 'instance', before, after });
        return after;
      });
    },

    createInvite(actor: Actor, email: string) {
      return db.transaction().execute(async (trx) => {
        const now = new Date();
        const row = {
          code: randomSecret(18),
          email: email.toLowerCase(),
          created_by: actor.id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString(),
          used_at: null,
        };
        await trx.insertInto('invites').values(row).execute();
        await audit.record(trx, actor, { action: 'invite.created', entityType: 'invite', entityId: row.email, after: { email: row.email, expiresAt: row.expires_at } });
        return row;
      });
    },

    listInvites: () => db.selectFrom('invites').selectAll().orderBy('created_at', 'desc').limit(500).execute(),

    /** Marks an invitation used; refuses a missing, expired, used or someone else's code. */
    async consumeInvite(trx: Db, code: string | undefined, email: string): Promise<void> {
      const refuse = (why: string) => {
        throw new AppError('SIGNUP_INVITE_REQUIRED', why, { errors: [{ path: 'inviteCode', message: why }] });
      };
      if (!code) return refuse('this instance signs people up by invitation; ask an admin for one');
      const invite = await trx.selectFrom('invites').selectAll().where('code', '=', code).executeTakeFirst();
      if (!invite || invite.used_at) return refuse('the invitation is unknown or already used');
      if (invite.expires_at <= nowIso()) return refuse('the invitation has expired');
      if (invite.email !== email.toLowerCase()) return refuse(`the invitation is for ${invite.email}`);
      await trx.updateTable('invites').set({ used_at: nowIso() }).where('code', '=', code).where('used_at', 'is', null).execute();
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
