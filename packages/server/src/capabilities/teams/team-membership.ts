import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/** Whether a person belongs to a team, the team given by name (any case). The one membership check
 *  every capability's "owning team or admins" rule uses. */
export async function isTeamMember(trx: Db, personId: string, teamName: string): Promise<boolean> {
  return !!(await trx
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select('m.person_id')
    .where(sql<string>`lower(t.name)`, '=', teamName.toLowerCase())
    .where('m.person_id', '=', personId)
    .executeTakeFirst());
}
