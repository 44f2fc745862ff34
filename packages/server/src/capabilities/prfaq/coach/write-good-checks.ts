import writeGood, { type WriteGoodCheck } from 'write-good';
import type { Span } from './sentences';

const ALL_OFF: Record<WriteGoodCheck, false> = {
  weasel: false,
  illusion: false,
  so: false,
  thereIs: false,
  passive: false,
  adverb: false,
  tooWordy: false,
  cliches: false,
  eprime: false,
};

/** write-good's "so" and "there is" checks look for a sentence start with a pattern that takes time
 *  growing with the square of any stretch of text not closed by `.;!?`. Given a line break read as a
 *  full stop (same length, so offsets hold) and a closing full stop, every stretch is closed and the
 *  checks run in linear time; they find the same sentence starts, since they already split at line breaks. */
const SENTENCE_START_CHECKS = new Set<WriteGoodCheck>(['so', 'thereIs']);
const closeEveryStretch = (text: string) => `${text.replace(/\n/g, '.')}.`;

/** The passages one write-good check flags in `text`, as spans of `text`. Run check by check, so each
 *  passage is attributed to exactly one check (write-good merges the reasons of checks that agree). */
export function writeGoodSpans(text: string, check: WriteGoodCheck): Span[] {
  const input = SENTENCE_START_CHECKS.has(check) ? closeEveryStretch(text) : text;
  return writeGood(input, { ...ALL_OFF, [check]: true })
    .map((s) => ({ start: s.index, end: Math.min(s.index + s.offset, text.length) }))
    .filter((s) => s.start >= 0 && s.start < s.end);
}
