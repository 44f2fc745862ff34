import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';

/** Editing a team belongs to its members and to admins; anyone signed in may create a team or join one. */
export function assertMayEdit(actor: Principal, isMember: boolean, teamName: string): void {
  if (actor.role === 'admin' || isMember) return;
  throw new AppError('TEAM_EDIT_FORBIDDEN', `Only members of ${teamName} (or admins) may change it; join the team first or ask a member.`);
}
