import type { Db } from '../../platform/db/database';

export const DEFAULT_DECISION_WINDOW = '72h';
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds in a duration such as `72h`, `30m`, `5s`, `2d` or `1h30m`; null when it is not one (or zero). */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+[smhd])+$/.test(trimmed)) return null;
  let seconds = 0;
  for (const [, n, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) seconds += Number(n) * UNIT_SECONDS[unit];
  return seconds > 0 && seconds <= 365 * 86_400 ? seconds : null;
}

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
