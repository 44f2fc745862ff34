import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { AppError, fieldError } from '../../platform/errors/app-error';

/** A webhook belongs to a team: its members (and admins) register, see and change it. A webhook with no
 *  team hears notices about every team, so it is the admins' alone. */
export async function isTeamMember(trx: Db, teamId: string, personId: string): Promise<boolean> {
  const row = await trx.selectFrom('team_members').select('person_id').where('team_id', '=', teamId).where('person_id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

export async function assertMayManage(trx: Db, actor: Principal, hook: { team_id: string | null; team_name: string | null }): Promise<void> {
  if (actor.role === 'admin') return;
  if (hook.team_id && (await isTeamMember(trx, hook.team_id, actor.id))) return;
  const who = hook.team_id ? `members of ${hook.team_name} (or admins)` : 'admins (it is organisation-wide)';
  throw new AppError('WEBHOOK_FORBIDDEN', `Only ${who} may see or change this webhook.`);
}

/** The team a webhook is (to be) registered for, checking the actor may do so; null is organisation-wide. */
export async function resolveTeam(trx: Db, actor: Principal, name: string | null): Promise<{ id: string; name: string } | null> {
  if (name === null) {
    if (actor.role === 'admin') return null;
    throw new AppError('WEBHOOK_FORBIDDEN', 'Only admins may register an organisation-wide webhook; give the team it is for in "team".');
  }
  const team = await trx.selectFrom('teams').select(['id', 'name']).where(sql<string>`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
  if (!team) throw fieldError('team', `no team is named "${name}"`);
  if (actor.role !== 'admin' && !(await isTeamMember(trx, team.id, actor.id))) {
    throw new AppError('WEBHOOK_FORBIDDEN', `Only members of ${team.name} (or admins) may register webhooks for it; join the team first or ask a member.`);
  }
  return team;
}
