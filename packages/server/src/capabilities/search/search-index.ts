import { sql } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database';
import type { SearchDocument } from './search-document';

/** Writes documents into the index and takes them out, inside the caller's transaction. A document
 *  written again gets a new `seq` (it is dropped and added), so `seq` orders documents by their last
 *  change and the search can read the newest matches first and stop early.
 *  SQLite keeps the FTS5 table (contentless, trigram) beside search_documents by rowid = seq; PostgreSQL
 *  derives its full-text vector from the row itself (a generated column). */
export function createSearchIndex(dialect: Dialect) {
  async function drop(trx: Db, docKeys: string[]): Promise<void> {
    if (docKeys.length === 0) return;
    if (dialect === 'sqlite') {
      const old = await trx.selectFrom('search_documents').select('seq').where('doc_key', 'in', docKeys).execute();
      if (old.length > 0) await sql`delete from search_fts where rowid in (${sql.join(old.map((r) => r.seq))})`.execute(trx);
    }
    await trx.deleteFrom('search_documents').where('doc_key', 'in', docKeys).execute();
  }

  return {
    drop,

    async put(trx: Db, docs: SearchDocument[]): Promise<void> {
      if (docs.length === 0) return;
      await drop(trx, docs.map((d) => d.docKey));
      for (const doc of docs) {
        const { seq } = await trx
          .insertInto('search_documents')
          .values({ doc_key: doc.docKey, type: doc.type, team: doc.team, title: doc.title, body: doc.body, path: doc.path, updated_at: doc.updatedAt })
          .returning('seq')
          .executeTakeFirstOrThrow();
        if (dialect === 'sqlite') await sql`insert into search_fts (rowid, title, body) values (${seq}, ${doc.title}, ${doc.body})`.execute(trx);
      }
    },

    /** Whether the index must be built again: nothing in it, or (SQLite) documents whose full-text rows are
     *  missing, as after a restore, which carries search_documents but not the engine's own tables. */
    async stale(db: Db): Promise<boolean> {
      const row = await db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(row.n) === 0) return true;
      if (dialect !== 'sqlite') return false;
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
