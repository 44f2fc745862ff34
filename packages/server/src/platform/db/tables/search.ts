import type { ColumnType, Generated } from 'kysely';

/** The search index's documents (derived from the documents themselves; rebuilt when empty). */
export interface SearchDocumentsTable {
  seq: Generated<number>;
  doc_key: string;
  type: string;
  team: string | null;
  title: string;
  body: string;
  path: string;
  updated_at: string;
  /** PostgreSQL: the one- and two-character pieces of the words, for short words (see search-match.ts);
   *  null on SQLite, whose FTS5 table holds them. */
  grams: ColumnType<string | null, string | null | undefined, string | null>;
}
