import { AppError } from '../errors/app-error';

/** Opaque keyset cursors: the sort key of the last item on the page. */
export const encodeCursor = (key: string): string => Buffer.from(JSON.stringify({ k: key })).toString('base64url');

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof parsed.k === 'string') return parsed.k;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', 'query.cursor: is not a cursor this server gave out', {
    errors: [{ path: 'query.cursor', message: 'is not a cursor this server gave out' }],
  });
}
