import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { trigramSchema } from './20261126-0013-search';
import { gramPieces } from './20261126-0016-search-words';

/** Short words on PostgreSQL through an index.
 *  `search_documents.grams` (both stores, so backups carry the same columns; filled on PostgreSQL only)
 *  holds the one- and two-character pieces of a document's words between spaces, ` ab cd e `, with a
 *  trigram index: `grams like '% ab %'` is answered from it (trigrams `  a`, ` ab`, `ab `), where the
 *  text's own trigram index cannot serve `%ab%`. Existing documents are filled here. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('search_documents').addColumn('grams', 'text').execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  let after = -1;
  for (;;) {
    const rows = (await sql<{ seq: number; title: string; body: string }>`select seq, title, body from search_documents where seq > ${after} order by seq limit 1000`.execute(db)).rows;
    if (rows.length === 0) break;
    const values = sql.join(rows.map((r) => sql`(${Number(r.seq)}::bigint, ${gramsOf(r.title, r.body)})`));
    await sql`update search_documents as sd set grams = v.grams from (values ${values}) as v(seq, grams) where sd.seq = v.seq`.execute(db);
    after = Number(rows[rows.length - 1]!.seq);
  }
  const trgm = await trigramSchema(db);
  await sql`create index search_documents_grams on search_documents using gin (grams ${sql.raw(`${trgm}.gin_trgm_ops`)})`.execute(db);
}

// The pieces as of migration 0016, between spaces (the search capability writes the same; see search-match.ts there).
const gramsOf = (...texts: string[]): string => ` ${gramPieces(...texts).join(' ')} `;
