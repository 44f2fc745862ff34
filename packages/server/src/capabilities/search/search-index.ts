import { sql } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database';
import { createBulkWriter, jsonExact, type BulkWriter } from '../../platform/db/bulk-writer';
import type { SearchDocument } from './search-document';
import { gramsText, postgresGrams, tagsText } from './search-match';

/** Keys per `in (…)` list and documents per multi-row statement on PostgreSQL (8 values each): well under
 *  either store's limit on bound values. */
const KEYS_PER_STATEMENT = 500;
const POSTGRES_DOCS_PER_STATEMENT = 1000;

/** The columns a PostgreSQL document row is written with, in this order. */
const COLUMNS = ['doc_key', 'type', 'team', 'title', 'body', 'path', 'updated_at', 'grams'].map((c) => `"${c}"`);
const LIST = sql.raw(COLUMNS.join(', '));

function* chunks<T>(values: T[], size: number): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}

/** Writes documents into the index and takes them out, inside the caller's transaction. A document
 *  written again gets a new `seq`, so `seq` orders documents by their last change and the search can read
 *  the newest matches first and stop early.
 *  SQLite keeps the FTS5 table (contentless, trigram; see search-match.ts) beside search_documents by
 *  rowid = seq. PostgreSQL needs nothing beside the row: its trigram index follows the row. */
export function createSearchIndex(dialect: Dialect, bulk: BulkWriter = createBulkWriter({})) {
  async function drop(trx: Db, docKeys: string[]): Promise<void> {
    for (const part of chunks(docKeys, KEYS_PER_STATEMENT)) {
      if (dialect === 'sqlite') {
        const old = await trx.selectFrom('search_documents').select('seq').where('doc_key', 'in', part).execute();
        if (old.length > 0) await sql`delete from search_fts where rowid in (${sql.join(old.map((r) => r.seq))})`.execute(trx);
      }
      await trx.deleteFrom('search_documents').where('doc_key', 'in', part).execute();
    }
  }

  /** The new rows take the next `seq`s in order, given here rather than left to SQLite (which would give
   *  the same ones: one past the highest), so that documents and their full-text rows go in as bulk writes
   *  (cached statements, see BulkWriter) instead of two statements each built anew. */
  async function putSqlite(trx: Db, docs: SearchDocument[]): Promise<void> {
    await drop(trx, docs.map((d) => d.docKey));
    const head = await trx.selectFrom('search_documents').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    let seq = Number(head?.seq ?? 0);
    const rows = docs.map((doc) => ({ seq: ++seq, doc_key: doc.docKey, type: doc.type, team: doc.team, title: doc.title, body: doc.body, path: doc.path, updated_at: doc.updatedAt }));
    await bulk.upsert(trx, 'search_documents', rows);
    await bulk.upsert(
      trx,
      'search_fts',
      rows.map((row, i) => ({ rowid: row.seq, title: row.title, body: row.body, grams: gramsText(row.title, row.body), tags: tagsText(docs[i].type, row.team) })),
    );
  }

  /** One statement per thousand documents: new ones are added, known ones rewritten with a new `seq`. The
   *  documents go as one JSON value read as the table's row type when JSON carries them exactly (see
   *  BulkWriter.insert), which PostgreSQL reads faster than eight parameters each. */
  async function putPostgres(trx: Db, docs: SearchDocument[]): Promise<void> {
    for (const part of chunks(docs, POSTGRES_DOCS_PER_STATEMENT)) {
      const rows = part.map((doc) => ({ doc_key: doc.docKey, type: doc.type, team: doc.team, title: doc.title, body: doc.body, path: doc.path, updated_at: doc.updatedAt, grams: postgresGrams(doc.title, doc.body) }));
      const rewrite = sql.raw(COLUMNS.filter((c) => c !== '"doc_key"').map((c) => `${c} = excluded.${c}`).join(', '));
      const conflict = sql`on conflict ("doc_key") do update set "seq" = nextval(pg_get_serial_sequence('search_documents', 'seq')), ${rewrite}`;
      if (rows.every(jsonExact)) {
        await sql`insert into search_documents (${LIST}) select ${LIST} from jsonb_populate_recordset(null::search_documents, ${JSON.stringify(rows)}::jsonb) ${conflict}`.execute(trx);
        continue;
      }
      const values = rows.map((r) => sql`(${sql.join([r.doc_key, r.type, r.team, r.title, r.body, r.path, r.updated_at, r.grams])})`);
      await sql`insert into search_documents (${LIST}) values ${sql.join(values)} ${conflict}`.execute(trx);
    }
  }

  return {
    drop,

    async put(trx: Db, docs: SearchDocument[]): Promise<void> {
      if (docs.length === 0) return;
      // The same document twice in one batch would be rewritten twice; the last one wins.
      const unique = [...new Map(docs.map((d) => [d.docKey, d])).values()];
      await (dialect === 'sqlite' ? putSqlite(trx, unique) : putPostgres(trx, unique));
    },

    /** Whether the index must be built again: nothing in it, or documents indexed without what the searches
     *  read: (SQLite) their full-text rows, as after a restore, which carries search_documents but not the
     *  engine's own tables; (PostgreSQL) their short pieces, as after restoring an SQLite backup. */
    async stale(db: Db): Promise<boolean> {
      const row = await db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(row.n) === 0) return true;
      if (dialect !== 'sqlite') return (await db.selectFrom('search_documents').select('seq').where('grams', 'is', null).limit(1).execute()).length > 0;
      const fts = await sql<{ n: number }>`select count(*) as n from search_fts_docsize`.execute(db);
      return Number(fts.rows[0]?.n) !== Number(row.n);
    },

    /** Empties the index (before a rebuild). */
    async clear(trx: Db): Promise<void> {
      if (dialect === 'sqlite') await sql`delete from search_fts`.execute(trx);
      await trx.deleteFrom('search_documents').execute();
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
