import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { NotificationSubscriptionsTable } from '../../platform/db/schema';
import type { Audience } from './notice-addresses';

const lowered = (xs: string[]) => [...new Set(xs.map((x) => x.toLowerCase()))];

/** The ids of the people an audience reaches, inside the notice's transaction: each person once,
 *  never the actor, never a machine account. */
export async function recipientsOf(trx: Db, a: Audience): Promise<string[]> {
  const ids = new Set<string>();
  const add = (rows: { id: string }[]) => rows.forEach((r) => ids.add(r.id));

  async function watchers(kind: NotificationSubscriptionsTable['kind'], targets: { id: string }[]) {
    if (!targets.length) return;
    add(await trx.selectFrom('notification_subscriptions').select('person_id as id').where('kind', '=', kind).where('target_id', 'in', targets.map((t) => t.id)).execute());
  }

  if (a.teams?.length) {
    const teams = await trx.selectFrom('teams').select('id').where(sql<string>`lower(name)`, 'in', lowered(a.teams)).execute();
    if (teams.length) add(await trx.selectFrom('team_members').select('person_id as id').where('team_id', 'in', teams.map((t) => t.id)).execute());
    await watchers('team', teams);
  }
  if (a.entities?.length) await watchers('service', await trx.selectFrom('catalog_entities').select('id').where('ref_key', 'in', lowered(a.entities)).execute());
  if (a.prfaqs?.length) await watchers('prfaq', await trx.selectFrom('prfaqs').select('id').where('number', 'in', a.prfaqs).execute());
  if (a.coes?.length) await watchers('coe', await trx.selectFrom('coes').select('id').where('number', 'in', a.coes).execute());
  if (a.people?.length) add(await trx.selectFrom('people').select('id').where(sql<string>`lower(name)`, 'in', lowered(a.people)).execute());
  if (a.admins) add(await trx.selectFrom('people').select('id').where('role', '=', 'admin').execute());
  if (!ids.size) return [];

  let people = trx.selectFrom('people').select('id').where('id', 'in', [...ids]).where('kind', '=', 'person');
  if (a.actor) people = people.where(sql<string>`lower(name)`, '!=', a.actor.toLowerCase());
  return (await people.orderBy('id').execute()).map((p) => p.id);
}
