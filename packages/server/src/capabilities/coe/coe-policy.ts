import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { isTeamMember } from '../teams/index';

export { isTeamMember };

/** Writing and closing a COE belong to its owning team (and admins); anyone may review and comment. */
export async function assertOwningTeam(trx: Db, actor: Principal, team: string, what: string): Promise<void> {
  if (actor.role === 'admin' || (await isTeamMember(trx, actor.id, team))) return;
  throw new AppError('COE_EDIT_FORBIDDEN', `Only members of ${team} (or admins) may ${what}; anyone may review and comment.`);
}
