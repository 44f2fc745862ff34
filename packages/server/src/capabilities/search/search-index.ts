import { sql } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database';
import type { SearchDocument } from './search-document';
import { gramsText, postgresGrams, tagsText } from './search-match';

/** Writes documents into the index and takes them out, inside the caller's transaction. A document
 *  written again gets a new `seq`, so `seq` orders documents by their last change and the search can read
 *  the newest matches first and stop early.
 *  SQLite keeps the FTS5 table (contentless, trigram; see search-match.ts) beside search_documents by
 *  rowid = seq. PostgreSQL needs nothing beside the row: its trigram index follows the row. */
export function createSearchIndex(dialect: Dialect) {
  async function drop(trx: Db, docKeys: string[]): Promise<void> {
    if (docKeys.length === 0) return;
    if (dialect === 'sqlite') {
      const old = await trx.selectFrom('search_documents').select('seq').where('doc_key', 'in', docKeys).execute();
      if (old.length > 0) await sql`delete from search_fts where rowid in (${sql.join(old.map((r) => r.seq))})`.execute(trx);
    }
    await trx.deleteFrom('search_documents').where('doc_key', 'in', docKeys).execute();
  }

  async function putSqlite(trx: Db, docs: SearchDocument[]): Promise<void> {
    await drop(trx, docs.map((d) => d.docKey));
    for (const doc of docs) {
      const { seq } = await trx
        .insertInto('search_documents')
        .values({ doc_key: doc.docKey, type: doc.type, team: doc.team, title: doc.title, body: doc.body, path: doc.path, updated_at: doc.updatedAt })
        .returning('seq')
        .executeTakeFirstOrThrow();
      await sql`insert into search_fts (rowid, title, body, grams, tags)
        values (${seq}, ${doc.title}, ${doc.body}, ${gramsText(doc.title, doc.body)}, ${tagsText(doc.type, doc.team)})`.execute(trx);
    }
  }

  /** One statement for all of them: new documents are added, known ones rewritten with a new `seq`. */
  async function putPostgres(trx: Db, docs: SearchDocument[]): Promise<void> {
    await trx
      .insertInto('search_documents')
      .values(docs.map((doc) => ({ doc_key: doc.docKey, type: doc.type, team: doc.team, title: doc.title, body: doc.body, path: doc.path, updated_at: doc.updatedAt, grams: postgresGrams(doc.title, doc.body) })))
      .onConflict((oc) =>
        oc.column('doc_key').doUpdateSet({
          seq: sql<number>`nextval(pg_get_serial_sequence('search_documents', 'seq'))`,
          type: (eb) => eb.ref('excluded.type'),
          team: (eb) => eb.ref('excluded.team'),
          title: (eb) => eb.ref('excluded.title'),
          body: (eb) => eb.ref('excluded.body'),
          path: (eb) => eb.ref('excluded.path'),
          updated_at: (eb) => eb.ref('excluded.updated_at'),
          grams: (eb) => eb.ref('excluded.grams'),
        }),
      )
      .execute();
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
