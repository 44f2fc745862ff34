import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Faster search.
 *  SQLite: `search_fts` is made again with two more columns, so that one FTS5 query answers a whole search
 *  and can stop after the newest matches: `grams` (every one- and two-character piece of the words, for
 *  words too short for trigrams) and `tags` (type and team, for the filters). It is filled from
 *  `search_documents`. Relevance is now worked out over the few candidates a search reads, so nothing
 *  asks FTS5 to count every match of a common word (which bm25 does).
 *  PostgreSQL: the full-text vector and its index go; no query used the index, relevance no longer reads
 *  the vector, and every write of a document paid for both. The trigram index stays. */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop index if exists search_documents_tsv`.execute(db);
    await sql`alter table search_documents drop column if exists tsv`.execute(db);
    return;
  }
  // One transaction: the new table is filled in one go (and a failure leaves the old one in place).
  await db.transaction().execute(async (trx) => {
    await sql`drop table if exists search_fts`.execute(trx);
    await sql`create virtual table search_fts using fts5(title, body, grams, tags, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(trx);
    let after = -1;
    for (;;) {
      const rows = (
        await sql<{ seq: number; type: string; team: string | null; title: string; body: string }>`select seq, type, team, title, body from search_documents where seq > ${after} order by seq limit 1000`.execute(trx)
      ).rows;
      if (rows.length === 0) break;
      for (const row of rows) {
        await sql`insert into search_fts (rowid, title, body, grams, tags) values (${row.seq}, ${row.title}, ${row.body}, ${gramsText(row.title, row.body)}, ${tagsText(row.type, row.team)})`.execute(trx);
      }
      after = rows[rows.length - 1]!.seq;
    }
  });
}

// The encodings as of this migration (the search capability writes the same; see search-match.ts there).
const SEP = '\u241f';
function tag(name: string, value: string): string {
  let h = 0x811c9dc5;
  for (const c of `${name}=${value}`) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0;
  return '\u241e' + String.fromCodePoint(0x4e00 + (h % 20_992)) + String.fromCodePoint(0x4e00 + (Math.floor(h / 20_992) % 20_992));
}
const tagsText = (type: string, team: string | null) => (team === null ? tag('type', type) : `${tag('type', type)} ${tag('team', team)}`);
/** The one- and two-character pieces of the words in these texts, as of this migration (0017 uses them too). */
export function gramPieces(...texts: string[]): string[] {
  const pieces = new Set<string>();
  for (const text of texts) {
    for (const word of text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      const chars = [...word];
      for (let i = 0; i < chars.length; i++) {
        pieces.add(chars[i]!);
        if (i + 1 < chars.length) pieces.add(chars[i]! + chars[i + 1]!);
      }
    }
  }
  return [...pieces];
}
const gramsText = (...texts: string[]): string => gramPieces(...texts).map((p) => ([...p].length === 1 ? `${SEP}${p}${SEP}` : `${p}${SEP}`)).join('');
