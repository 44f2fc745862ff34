import { isApiError, type FieldError } from '../api/api-error';

/** Whether a server error path belongs to a form field: the field itself or an item in it ("dependsOn.0"). */
export function pathIsUnder(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/** The server's message for one form field, to show next to that field. An error about an item of a
 *  list field ("dependsOn.0") is shown next to the list, naming the item. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const exact = error.fieldError(field);
  if (exact) return exact;
  const nested = error.errors.find((e) => pathIsUnder(e.path, field));
  return nested ? `${describeItem(nested, field)}${nested.message}` : undefined;
}

function describeItem(error: FieldError, field: string): string {
  const index = /^[.[](\d+)/.exec(error.path.slice(field.length))?.[1];
  return index === undefined ? '' : `item ${Number(index) + 1}: `;
}
