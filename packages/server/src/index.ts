export { loadConfig, defaultWebDist, type ServerConfig } from './config';
export { startServer, type RunningServer } from './start-server';
export { buildApp, type AppConfig } from './app';
export { openDatabase, migrate, sqliteFile, type DatabaseHandle } from './platform/db/database';
export { verifyAuditChain } from './platform/audit/audit-verify';
export { writeBackup, restoreBackup, backupInstance, restoreInstance, BackupRefusal, DatabaseUnreachable, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupSummary, type RestoreSummary, type BackupRefusalCode } from './platform/backup/index';
export { createRandom, type DemoRandom } from './demo/demo-random';
