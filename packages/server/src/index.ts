export { loadConfig, defaultWebDist, type ServerConfig } from './config';
export { startServer, type RunningServer } from './start-server';
export { buildApp, type AppConfig } from './app';
export { openDatabase, migrate, type DatabaseHandle } from './platform/db/database';
export { verifyAuditChain } from './platform/audit/audit-verify';
