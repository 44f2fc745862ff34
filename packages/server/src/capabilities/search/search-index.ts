import { sql } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database';
import type { SearchDocument } from './search-document';

/** Writes documents into the index and takes them out, inside the caller's transaction.
 *  SQLite keeps the FTS5 table (contentless, trigram) beside search_documents by rowid; a contentless FTS
 *  table forgets a row only when told its old text, which search_documents still holds. PostgreSQL
 *  derives its full-text vector from the row itself (a generated column), so the row is all there is. */
export function createSearchIndex(dialect: Dialect) {
  async function forgetFts(trx: Db, docKeys: string[]): Promise<void> {
    if (dialect !== 'sqlite' || docKeys.length === 0) return;
    const old = await trx.selectFrom('search_documents').select(['seq', 'title', 'body']).where('doc_key', 'in', docKeys).execute();
    for (const row of old) {
      await sql`insert into search_fts (search_fts, rowid, title, body) values ('delete', ${row.seq}, ${row.title}, ${row.body})`.execute(trx);
    }
  }

  return {
    async put(trx: Db, docs: SearchDocument[]): Promise<void> {
      for (const doc of docs) {
        const values = { type: doc.type, team: doc.team, title: doc.title, body: doc.body, path: doc.path, updated_at: doc.updatedAt };
        await forgetFts(trx, [doc.docKey]);
        const { seq } = await trx
          .insertInto('search_documents')
          .values({ doc_key: doc.docKey, ...values })
          .onConflict((oc) => oc.column('doc_key').doUpdateSet(values))
          .returning('seq')
          .executeTakeFirstOrThrow();
        if (dialect === 'sqlite') await sql`insert into search_fts (rowid, title, body) values (${seq}, ${doc.title}, ${doc.body})`.execute(trx);
      }
    },

    async drop(trx: Db, docKeys: string[]): Promise<void> {
      if (docKeys.length === 0) return;
      await forgetFts(trx, docKeys);
      await trx.deleteFrom('search_documents').where('doc_key', 'in', docKeys).execute();
    },

    async count(db: Db): Promise<number> {
      const row = await db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
