import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { BackupRefusal } from './backup-refusal';
import { sortColumns, writeBackupFile, type BackupSummary } from './export-tables';
import { appliedMigrations } from './schema-version';
import { readTableSchemas, type TableSchema } from './table-schema';

/** Backs up the embedded database: SQLite's online backup copies it, page by page in one step, to a
 *  scratch file beside the output (in WAL mode readers never block the running server's writers), and
 *  the export reads that copy at leisure. */
export async function exportSqlite(sourceFile: string, file: string, createdAt: string): Promise<BackupSummary> {
  if (!existsSync(sourceFile)) throw new BackupRefusal('BACKUP_SOURCE_MISSING', `there is no Day One database at ${sourceFile}`);
  const copy = join(dirname(resolve(file)), `.${basename(file)}.${randomUUID()}.sqlite`);
  try {
    const live = new SQLite(sourceFile, { fileMustExist: true });
    try {
      live.pragma('busy_timeout = 5000');
      // After the first (empty) step, copy every remaining page at once: a stepwise copy restarts
      // whenever the server writes in between, and might never finish under steady writes.
      await live.backup(copy, { progress: () => 0x7fffffff });
    } finally {
      live.close();
    }
    const connection = new SQLite(copy, { fileMustExist: true });
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: connection }) });
    try {
      const schemaVersion = await appliedMigrations(db, 'sqlite');
      const tables = await readTableSchemas(db, 'sqlite');
      return await writeBackupFile(file, { schemaVersion, sourceDialect: 'sqlite', createdAt }, tables, (table) => batches(connection, table));
    } finally {
      await db.destroy();
    }
  } finally {
    await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => rm(`${copy}${suffix}`, { force: true })));
  }
}

const BATCH = 1000;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A table's rows from the scratch copy, read a thousand at a time without yielding in between. */
async function* batches(connection: SQLite.Database, table: TableSchema): AsyncGenerator<Record<string, unknown>[]> {
  const rows = connection.prepare(`select * from ${quote(table.name)} order by ${sortColumns(table).map(quote).join(', ')}`).iterate() as IterableIterator<Record<string, unknown>>;
  let batch: Record<string, unknown>[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
