import { parseDurationSeconds } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import type { AuditLog } from '../../platform/audit/audit-log';
import { AppError } from '../../platform/errors/app-error';

export const DEFAULT_DECISION_WINDOW = '72h';
export const parseDuration = parseDurationSeconds;

/** The window from the environment (DAYONE_DECISION_WINDOW), refusing to start on a value it cannot read. */
export function decisionWindowFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.DAYONE_DECISION_WINDOW?.trim() || DEFAULT_DECISION_WINDOW;
  const seconds = parseDuration(text);
  if (seconds === null) throw new Error(`DAYONE_DECISION_WINDOW must be a duration such as 72h, 30m or 5s (up to 365d), got "${text}"`);
  return seconds;
}

/** The window a new request or escalation gets: the admin's instance setting when set, else the
 *  environment's (or 72 hours). */
export async function currentWindowSeconds(trx: Db, fallbackSeconds: number): Promise<number> {
  const row = await trx.selectFrom('instance_settings').select('decision_window').where('id', '=', 1).executeTakeFirst();
  return (row?.decision_window && parseDuration(row.decision_window)) || fallbackSeconds;
}

/** The admin's decision-window setting, kept with the instance settings (and their version). */
export function createDecisionWindowSetting({ db, audit, fallbackSeconds, fromEnvironment }: { db: Db; audit: AuditLog; fallbackSeconds: number; fromEnvironment: boolean }) {
  async function get(trx: Db = db) {
    const row = await trx.selectFrom('instance_settings').select(['decision_window', 'version']).where('id', '=', 1).executeTakeFirstOrThrow();
    const own = row.decision_window ? parseDuration(row.decision_window) : null;
    return {
      decisionWindow: row.decision_window ?? null,
      windowSeconds: own ?? fallbackSeconds,
      source: own ? ('setting' as const) : fromEnvironment ? ('environment' as const) : ('default' as const),
      version: row.version,
    };
  }
  return {
    get: () => get(),
    update: (actor: Principal, expected: number, decisionWindow: string | null) =>
      db.transaction().execute(async (trx) => {
        const before = await get(trx);
        const r = await trx.updateTable('instance_settings').set({ decision_window: decisionWindow?.toLowerCase() ?? null, version: before.version + 1 }).where('id', '=', 1).where('version', '=', expected).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new AppError('PRECONDITION_FAILED', `Settings are at version ${before.version}, not ${expected}; reload and retry.`);
        const after = await get(trx);
        await audit.record(trx, actor, { action: 'settings.decision_window_updated', entityType: 'settings', entityId: 'instance', before, after });
        return after;
      }),
  };
}
export type DecisionWindowSetting = ReturnType<typeof createDecisionWindowSetting>;
