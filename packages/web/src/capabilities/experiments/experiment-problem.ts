import { isApiError } from '../../api/api-error';

/** A heading for the server's refusals; its detail says who may, or what state the experiment is in. */
export function experimentProblemTitle(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'EXPERIMENT_EDIT_FORBIDDEN') return 'Only the owning team may do this';
  if (error.code === 'EXPERIMENT_STATE') return 'Not possible in the experiment’s current state';
  return undefined;
}
