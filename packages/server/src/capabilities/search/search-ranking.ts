import { matchesOf } from './search-snippets';

type Ranked = { seq: number; relevance: number | string; title: string };

/** Orders candidate matches: those with every word in the title first, then by the store's relevance
 *  (SQLite's bm25, PostgreSQL's ts_rank), then the most recently changed. */
export function rankRows<T extends Ranked>(rows: T[], words: string[]): T[] {
  const titleHasAll = (title: string) => {
    const found = new Set(matchesOf(title, words).map((r) => title.slice(r.start, r.end).toLowerCase()));
    return words.every((w) => found.has(w));
  };
  return rows
    .map((row) => ({ row, title: titleHasAll(row.title) ? 1 : 0, relevance: Number(row.relevance) || 0 }))
    .sort((a, b) => b.title - a.title || b.relevance - a.relevance || b.row.seq - a.row.seq)
    .map((r) => r.row);
}
