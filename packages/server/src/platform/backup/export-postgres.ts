import { sql } from 'kysely';
import type { Db } from '../db/database';
import { sortColumns, writeBackupFile, type BackupSummary } from './export-tables';
import { appliedMigrations } from './schema-version';
import { readTableSchemas, type TableSchema } from './table-schema';

const FETCH = 1000;

/** Backs up PostgreSQL from one REPEATABLE READ, READ ONLY transaction: every table is read from the
 *  same snapshot, so the backup is consistent while other instances keep writing. */
export async function exportPostgres(db: Db, schema: string, file: string, createdAt: string): Promise<BackupSummary> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const schemaVersion = await appliedMigrations(trx, 'postgres', schema);
      const tables = await readTableSchemas(trx, 'postgres', schema);
      return writeBackupFile(file, { schemaVersion, sourceDialect: 'postgres', createdAt }, tables, (table) => cursorRows(trx, schema, table));
    });
}

/** A table's rows through a server-side cursor, a thousand at a time, so a large table never sits in memory. */
async function* cursorRows(trx: Db, schema: string, table: TableSchema): AsyncGenerator<Record<string, unknown>[]> {
  const order = sql.join(sortColumns(table).map((c) => sql.ref(c)));
  await sql`declare dayone_backup no scroll cursor for select * from ${sql.table(`${schema}.${table.name}`)} order by ${order}`.execute(trx);
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`fetch forward ${sql.raw(String(FETCH))} from dayone_backup`.execute(trx);
    if (rows.length > 0) yield rows;
    if (rows.length < FETCH) break;
  }
  await sql`close dayone_backup`.execute(trx);
}
