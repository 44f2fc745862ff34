import { nowIso } from '../ids';
import { isReachable, openDatabase, sqliteFile, type DatabaseHandle, type DatabaseOptions } from '../db/database';
import { DatabaseUnreachable, redactUrl } from './backup-refusal';
import { exportPostgres } from './export-postgres';
import { exportSqlite } from './export-sqlite';
import type { BackupSummary } from './export-tables';
import { restoreBackup, type RestoreSummary } from './restore-backup';

export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './backup-format';
export { BackupRefusal, DatabaseUnreachable, type BackupRefusalCode } from './backup-refusal';
export { restoreBackup, type RestoreSummary } from './restore-backup';
export type { BackupSummary } from './export-tables';

/** Writes a consistent backup of a database, live or not, to `file`. */
export async function writeBackup(handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'file' | 'schema'>, file: string, createdAt = nowIso()): Promise<BackupSummary> {
  if (handle.dialect === 'sqlite') return exportSqlite(handle.file!, file, createdAt);
  return exportPostgres(handle.db, handle.schema ?? 'public', file, createdAt);
}

/** `dayone backup`: backs up the database the server settings name, which may be in use. The embedded
 *  database must exist already (a backup never creates one). */
export async function backupInstance(options: DatabaseOptions, file: string): Promise<BackupSummary> {
  if (!options.databaseUrl) return exportSqlite(sqliteFile(options.dataDir), file, nowIso());
  return withDatabase(options, (handle) => writeBackup(handle, file));
}

/** `dayone restore`: loads a backup into the (empty) database the server settings name. */
export async function restoreInstance(options: DatabaseOptions, file: string): Promise<RestoreSummary> {
  return withDatabase(options, (handle) => restoreBackup(handle, file));
}

async function withDatabase<T>(options: DatabaseOptions, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(options);
  try {
    if (!(await isReachable(handle.db))) {
      throw new DatabaseUnreachable(`cannot reach the database at ${handle.url ? redactUrl(handle.url) : handle.file}`);
    }
    return await work(handle);
  } finally {
    await handle.close();
  }
}
