import { isApiError } from '../../api/api-error';

/** A heading for the server's refusals of a COE write; its detail says who may, or what is missing. */
export function coeProblemTitle(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'COE_HAS_OPEN_ACTION_ITEMS') return 'Some action items are still open';
  if (error.code === 'COE_NOT_REVIEWED') return 'Someone from outside the team must review it first';
  if (error.code === 'COE_EDIT_FORBIDDEN' || error.status === 403) return 'Only the owning team may do this';
  if (error.status === 409) return 'Not possible in the COE’s current state';
  if (error.status === 412) return 'Someone else changed this first; reload and try again';
  return undefined;
}

export const isStale = (error: unknown) => isApiError(error) && error.status === 412;
