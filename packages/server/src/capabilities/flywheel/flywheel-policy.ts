import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { isTeamMember } from '../teams/index';

/** A team's flywheel and its values are changed by the team's members (and admins); anyone may read them. */
export async function assertTeamMember(trx: Db, actor: Principal, team: string, what: string): Promise<void> {
  if (actor.role === 'admin' || (await isTeamMember(trx, actor.id, team))) return;
  throw new AppError('TEAM_EDIT_FORBIDDEN', `Only members of ${team} (or admins) may ${what}; anyone may read it.`);
}
