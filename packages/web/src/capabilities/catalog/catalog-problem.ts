import { isApiError } from '../../api/api-error';

/** A heading for a refusal because the person is not in the owning team. */
export function forbiddenTitle(error: unknown): string | undefined {
  return isApiError(error) && error.code === 'CATALOG_EDIT_FORBIDDEN' ? 'Only the owning team may do this' : undefined;
}
