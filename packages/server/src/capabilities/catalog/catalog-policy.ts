import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { isTeamMember } from '../teams/index';

/** Only the owning team's members (or admins) change an entity. An owner that is not a Day One team
 *  (a dangling reference) protects nothing, so anyone may fix it: the health view lists those.
 *  Returns the reason for a refusal, or null when the change is allowed. */
export async function refusalToChange(trx: Db, actor: Principal, ownerGroups: (string | null)[]): Promise<string | null> {
  if (actor.role === 'admin') return null;
  for (const group of new Set(ownerGroups)) {
    if (!group) continue;
    const team = await trx.selectFrom('teams').select('name').where(sql<string>`lower(name)`, '=', group).executeTakeFirst();
    if (team && !(await isTeamMember(trx, actor.id, team.name))) return `only members of ${team.name} (or admins) may change what ${team.name} owns`;
  }
  return null;
}
