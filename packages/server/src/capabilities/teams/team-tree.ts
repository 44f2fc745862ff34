import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';

/** A team and every team below it, by name (lower case); every team when no team is given.
 *  An unknown team is a 404 (TEAM_NOT_FOUND), so a misspelt filter never reads as "nothing happened". */
export async function teamWithSubTeams(trx: Db, team: string | undefined): Promise<string[]> {
  const teams = await trx.selectFrom('teams').select(['id', 'name', 'parent_id']).execute();
  if (!team) return teams.map((t) => t.name.toLowerCase());
  const root = teams.find((t) => t.name.toLowerCase() === team.toLowerCase());
  if (!root) throw new AppError('TEAM_NOT_FOUND', `No team is named "${team}".`);
  const names: string[] = [];
  const queue = [root];
  const seen = new Set<string>();
  while (queue.length) {
    const t = queue.shift()!;
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    names.push(t.name.toLowerCase());
    queue.push(...teams.filter((c) => c.parent_id === t.id));
  }
  return names;
}
