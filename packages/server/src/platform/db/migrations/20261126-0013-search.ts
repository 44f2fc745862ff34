import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** One search index over teams, services, PR/FAQs, COEs, experiments and decisions. `search_documents`
 *  holds what each document says; it is derived data, rebuilt from the documents when empty.
 *  `seq` grows with every write of a document, so the newest matches come first in both stores' scans.
 *  SQLite: an FTS5 table with the trigram tokenizer (so parts of words match), kept beside it by rowid.
 *  PostgreSQL: a full-text vector and a trigram index (pg_trgm) on the same text. */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_documents')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('doc_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('team', 'varchar(63)')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('path', 'varchar(300)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_documents_type').on('search_documents').columns(['type', 'updated_at']).execute();

  if (!postgres) {
    await sql`create virtual table search_fts using fts5(title, body, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(db);
    return;
  }
  const trgm = await trigramSchema(db);
  await sql`alter table search_documents add column tsv tsvector generated always as (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored`.execute(db);
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  await sql`create index search_documents_trgm on search_documents using gin ((lower(title || ' ' || body)) ${sql.raw(`${trgm}.gin_trgm_ops`)})`.execute(db);
}

/** Where pg_trgm lives, installing it in `public` if the database has not got it (it is a trusted
 *  extension: a database owner may create it). Several instances may race here; the loser finds it. */
export async function trigramSchema(db: Kysely<any>): Promise<string> {
  const find = async () =>
    (await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)).rows[0]?.schema;
  const found = await find();
  if (found) return found;
  // Instances migrating side by side take turns (the lock lasts until the migration's transaction ends).
  await sql`select pg_advisory_xact_lock(7412013)`.execute(db);
  if (await find()) return (await find())!;
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  } catch (error) {
    if (!(await find())) throw error;
  }
  return (await find())!;
}
