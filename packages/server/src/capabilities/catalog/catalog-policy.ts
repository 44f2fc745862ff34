import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { isTeamMember } from '../teams/index';

/** Why the actor may not change what one owner group owns, or null when they may. */
async function refusalFor(trx: Db, actor: Principal, group: string): Promise<string | null> {
  const team = await trx.selectFrom('teams').select('name').where(sql<string>`lower(name)`, '=', group).executeTakeFirst();
  if (team && !(await isTeamMember(trx, actor.id, team.name))) return `only members of ${team.name} (or admins) may change what ${team.name} owns`;
  return null;
}

/** Only the owning team's members (or admins) change an entity. An owner that is not a Day One team
 *  (a dangling reference) protects nothing, so anyone may fix it: the health view lists those.
 *  Returns the reason for a refusal, or null when the change is allowed. */
export async function refusalToChange(trx: Db, actor: Principal, ownerGroups: (string | null)[]): Promise<string | null> {
  if (actor.role === 'admin') return null;
  for (const group of new Set(ownerGroups)) {
    if (!group) continue;
    const why = await refusalFor(trx, actor, group);
    if (why) return why;
  }
  return null;
}

export type Refusal = (ownerGroups: (string | null)[]) => Promise<string | null>;

/** refusalToChange for one actor inside one transaction that changes no team or membership (an import's
 *  batch of entities): each owner group is looked up once, however many entities it owns. */
export function refusalsWithin(trx: Db, actor: Principal): Refusal {
  const known = new Map<string, Promise<string | null>>();
  return async (ownerGroups) => {
    if (actor.role === 'admin') return null;
    for (const group of new Set(ownerGroups)) {
      if (!group) continue;
      let why = known.get(group);
      if (!why) known.set(group, (why = refusalFor(trx, actor, group)));
      if (await why) return why;
    }
    return null;
  };
}
