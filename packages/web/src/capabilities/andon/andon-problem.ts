import { isApiError } from '../../api/api-error';

/** A heading for the server's refusals of a release; its detail says who may, or what happened first. */
export function releaseProblemTitle(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'ANDON_RELEASE_FORBIDDEN') return 'Only the owning team may do this';
  if (error.code === 'ANDON_PULL_ALREADY_RESOLVED') return 'This pull is resolved already';
  if (error.code === 'ANDON_PULL_NOT_ACTIVE') return 'This pull was acknowledged already';
  return undefined;
}
