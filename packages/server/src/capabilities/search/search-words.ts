import { AppError } from '../../platform/errors/app-error';

const MAX_WORDS = 12;

/** The words of a query: runs of letters and digits, lower-cased, without repeats. Quotes, operators
 *  (AND, OR, NOT, NEAR, *, ^, :, parentheses) and emoji are not words, so nothing a person types can
 *  reach a full-text engine as syntax. */
export function queryWords(q: string): string[] {
  const words = [...new Set((q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase()))];
  if (words.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'querystring.q: has no letters or digits to look for', { errors: [{ path: 'querystring.q', message: 'has no letters or digits to look for' }] });
  }
  if (words.length > MAX_WORDS) {
    throw new AppError('VALIDATION_FAILED', `querystring.q: has more than ${MAX_WORDS} words`, { errors: [{ path: 'querystring.q', message: `has more than ${MAX_WORDS} words; use fewer, more telling ones` }] });
  }
  return words;
}
