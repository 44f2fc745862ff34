import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { isTeamMember } from '../teams/index';

/** Anyone may pull. Acknowledging, resolving and overriding belong to the owning team (or admins);
 *  a pull with no owning team (the whole organisation, or an ownerless service) is for admins. */
export async function assertMayRelease(db: Db, actor: Principal, ownerTeam: string | null, what: string): Promise<void> {
  if (actor.role === 'admin') return;
  if (ownerTeam && (await isTeamMember(db, actor.id, ownerTeam))) return;
  const who = ownerTeam ? `members of ${ownerTeam} (the owning team) or admins` : 'admins (the pull has no owning team)';
  throw new AppError('ANDON_RELEASE_FORBIDDEN', `Only ${who} may ${what} this pull.`);
}
