import { isApiError } from '../api/api-error';

/** The server's message for one form field, to show next to that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fieldError(field) : undefined;
}
