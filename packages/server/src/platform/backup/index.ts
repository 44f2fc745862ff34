import { nowIso } from '../ids';
import type { DatabaseHandle } from '../db/database';
import { exportPostgres } from './export-postgres';
import { exportSqlite } from './export-sqlite';
import type { BackupSummary } from './export-tables';

export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './backup-format';
export { BackupRefusal, type BackupRefusalCode } from './backup-refusal';
export { restoreBackup, type RestoreSummary } from './restore-backup';
export type { BackupSummary } from './export-tables';

/** Writes a consistent backup of a database, live or not, to `file`. */
export async function writeBackup(handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'file' | 'schema'>, file: string, createdAt = nowIso()): Promise<BackupSummary> {
  if (handle.dialect === 'sqlite') return exportSqlite(handle.file!, file, createdAt);
  return exportPostgres(handle.db, handle.schema ?? 'public', file, createdAt);
}
