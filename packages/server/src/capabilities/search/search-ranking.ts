import { matchesOf } from './search-snippets';

/** What ranking reads of a candidate match. */
export type Candidate = { seq: number; title: string; body: string };

const LETTER = /[\p{L}\p{N}]/u;
/** A word found on its own counts fully; at the start of a longer word (`deploy` in *deployment*) half;
 *  inside one (`ploy` in *deployment*) a quarter. */
const WHOLE = 1;
const START = 0.5;
const INSIDE = 0.25;
const TITLE = 4;
const K1 = 1.2;
const B = 0.75;

/** How often a word occurs in a lower-cased text, each occurrence weighed by how whole it is. */
function occurrences(text: string, word: string): number {
  let total = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    const before = at > 0 && LETTER.test(text[at - 1]!);
    const after = at + word.length < text.length && LETTER.test(text[at + word.length]!);
    total += before ? INSIDE : after ? START : WHOLE;
  }
  return total;
}

/** Relevance in the manner of BM25 over title and body (the title weighs four times the body; long bodies
 *  count each occurrence for less), worked out for the candidates only. Every candidate has every word,
 *  so how rare a word is in the whole index would not change their order much and is left out: nothing
 *  has to count all the matches of a common word. */
function relevance(title: string, body: string, words: string[], averageLength: number): number {
  const norm = 1 - B + (B * body.length) / averageLength;
  let score = 0;
  for (const word of words) {
    const tf = TITLE * occurrences(title, word) + occurrences(body, word);
    score += (tf * (K1 + 1)) / (tf + K1 * norm);
  }
  return score;
}

/** Orders candidate matches: those with every word in the title first, then by relevance (whole words
 *  above parts of words), then the most recently changed. */
export function rankRows<T extends Candidate>(rows: T[], words: string[]): T[] {
  if (rows.length === 0) return rows;
  const averageLength = Math.max(1, rows.reduce((sum, r) => sum + r.body.length, 0) / rows.length);
  const titleHasAll = (title: string) => {
    const found = new Set(matchesOf(title, words).map((r) => title.slice(r.start, r.end).toLowerCase()));
    return words.every((w) => found.has(w));
  };
  return rows
    .map((row) => ({ row, title: titleHasAll(row.title) ? 1 : 0, relevance: relevance(row.title.toLowerCase(), row.body.toLowerCase(), words, averageLength) }))
    .sort((a, b) => b.title - a.title || b.relevance - a.relevance || b.row.seq - a.row.seq)
    .map((r) => r.row);
}
