import type { Generated } from 'kysely';

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
}
