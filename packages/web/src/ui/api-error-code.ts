import { isApiError } from '../api/api-error';

/** Whether a failed request was refused with this problem code, e.g. a name that is already taken. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return isApiError(error) && error.code === code;
}
