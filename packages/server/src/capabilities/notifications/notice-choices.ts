import type { Db } from '../../platform/db/database';

export interface Choice {
  inbox: boolean;
  webhook: boolean;
}

/** Without a choice, a kind goes to the inbox and not to the webhook. */
export const DEFAULT_CHOICE: Choice = { inbox: true, webhook: false };

/** How each of these people wants each of these kinds of notice, read inside the caller's transaction. */
export async function choicesOf(trx: Db, kinds: string[], personIds: string[]): Promise<(personId: string, kind: string) => Choice> {
  const rows = kinds.length && personIds.length ? await trx.selectFrom('notification_preferences').select(['person_id', 'kind', 'inbox', 'webhook']).where('kind', 'in', kinds).where('person_id', 'in', personIds).execute() : [];
  const chosen = new Map(rows.map((r) => [`${r.person_id}|${r.kind}`, { inbox: !!r.inbox, webhook: !!r.webhook }]));
  return (personId, kind) => chosen.get(`${personId}|${kind}`) ?? DEFAULT_CHOICE;
}
