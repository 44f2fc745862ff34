import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Database, NotificationSubscriptionsTable } from '../../platform/db/schema';
import type { Audience } from './notice-addresses';

const lowered = (xs: string[]) => [...new Set(xs.map((x) => x.toLowerCase()))];

/** A query for a set of ids (people, teams, entities). */
// `any` table set: the parts select from different tables.
type Ids = SelectQueryBuilder<Database, any, { id: string }>;

/** The ids of the people an audience reaches, inside the notice's transaction: each person once,
 *  never the actor, never a machine account. One query: every part of the audience is a subquery of
 *  one union, so a notice costs the same round trip on PostgreSQL however many parts it has. */
export async function recipientsOf(trx: Db, a: Audience): Promise<string[]> {
  const parts: Ids[] = [];
  const watchers = (kind: NotificationSubscriptionsTable['kind'], targets: Ids): Ids =>
    trx.selectFrom('notification_subscriptions').select('person_id as id').where('kind', '=', kind).where('target_id', 'in', targets);

  if (a.teams?.length) {
    const teams = () => trx.selectFrom('teams').select('id').where(sql<string>`lower(name)`, 'in', lowered(a.teams!));
    parts.push(trx.selectFrom('team_members').select('person_id as id').where('team_id', 'in', teams()));
    parts.push(watchers('team', teams()));
  }
  if (a.entities?.length) parts.push(watchers('service', trx.selectFrom('catalog_entities').select('id').where('ref_key', 'in', lowered(a.entities))));
  if (a.prfaqs?.length) parts.push(watchers('prfaq', trx.selectFrom('prfaqs').select('id').where('number', 'in', a.prfaqs)));
  if (a.coes?.length) parts.push(watchers('coe', trx.selectFrom('coes').select('id').where('number', 'in', a.coes)));
  if (a.people?.length) parts.push(trx.selectFrom('people').select('id').where(sql<string>`lower(name)`, 'in', lowered(a.people)));
  if (a.admins) parts.push(trx.selectFrom('people').select('id').where('role', '=', 'admin'));
  if (!parts.length) return [];

  const audience = parts.slice(1).reduce((all, part) => all.union(part), parts[0]);
  let people = trx.selectFrom('people').select('id').where('id', 'in', audience).where('kind', '=', 'person');
  if (a.actor) people = people.where(sql<string>`lower(name)`, '!=', a.actor.toLowerCase());
  return (await people.orderBy('id').execute()).map((p) => p.id);
}
