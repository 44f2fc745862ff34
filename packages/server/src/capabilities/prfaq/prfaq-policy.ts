import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { isTeamMember } from '../teams/index';
import type { PrfaqRow } from './prfaq-store';

/** Whether the actor may write the document: its author, a member of the owning team, or an admin. */
export async function canEdit(trx: Db, actor: Principal, prfaq: PrfaqRow): Promise<boolean> {
  return actor.role === 'admin' || actor.name.toLowerCase() === prfaq.author.toLowerCase() || (await isTeamMember(trx, actor.id, prfaq.team));
}

/** Writing, starting rounds and asking for a decision belong to the author and the owning team (and
 *  admins); anyone signed in may read, comment and write a no. */
export async function assertCanEdit(trx: Db, actor: Principal, prfaq: PrfaqRow, what: string): Promise<void> {
  if (await canEdit(trx, actor, prfaq)) return;
  throw new AppError('PRFAQ_EDIT_FORBIDDEN', `Only ${prfaq.author}, members of ${prfaq.team} or admins may ${what}; anyone may comment.`);
}
