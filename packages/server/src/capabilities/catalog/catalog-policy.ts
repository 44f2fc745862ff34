import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';

/** Only the owning team's members (or admins) change an entity. An owner that is not a Day One team
 *  (a dangling reference) protects nothing, so anyone may fix it: the health view lists those.
 *  Returns the reason for a refusal, or null when the change is allowed. */
export async function refusalToChange(trx: Db, actor: Principal, ownerGroups: (string | null)[]): Promise<string | null> {
  if (actor.role === 'admin') return null;
  for (const group of new Set(ownerGroups)) {
    if (!group) continue;
    const team = await trx.selectFrom('teams').select(['id', 'name']).where(sql<string>`lower(name)`, '=', group).executeTakeFirst();
    if (!team) continue;
    const member = await trx.selectFrom('team_members').select('team_id').where('team_id', '=', team.id).where('person_id', '=', actor.id).executeTakeFirst();
    if (!member) return `only members of ${team.name} (or admins) may change what ${team.name} owns`;
  }
  return null;
}
