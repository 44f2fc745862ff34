import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localPasswordsFromEnv, oidcConfigFromEnv, type OidcConfig } from './capabilities/identity/oidc-config';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder for the embedded SQLite database (ignored with databaseUrl). */
  dataDir: string;
  /** postgres://… to use PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  /** PostgreSQL schema to keep Day One's tables in (default public). */
  databaseSchema?: string;
  /** A token that is created (or kept) as an admin token at start. */
  adminToken?: string;
  /** Built web app to serve; omitted means the API only. */
  webDist?: string;
  logLevel: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Mark cookies Secure (set when served behind HTTPS). */
  secureCookies: boolean;
  /** API requests per minute per token, person or address; 0 turns the limit off. */
  rateLimit?: number;
  /** On SIGTERM: how long in-flight requests, and then the outbox, may take to finish. */
  shutdownGraceMs?: number;
  /** Company sign-in (OpenID Connect), on when DAYONE_OIDC_ISSUER is set. */
  oidc?: OidcConfig;
  /** Email-and-password accounts; DAYONE_LOCAL_PASSWORDS=off leaves company sign-in only. Default on. */
  localPasswords?: boolean;
  /** Largest uploaded file (COE supporting data, mock-ups), in bytes. */
  attachmentMaxBytes?: number;
}

const here = dirname(fileURLToPath(import.meta.url));
export const defaultWebDist = resolve(here, '../../web/dist');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const oidc = oidcConfigFromEnv(env);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DAYONE_DATA_DIR ?? './data'),
    databaseUrl: env.DAYONE_DATABASE_URL || undefined,
    databaseSchema: env.DAYONE_DATABASE_SCHEMA || undefined,
    adminToken: env.DAYONE_ADMIN_TOKEN || undefined,
    webDist: env.DAYONE_WEB_DIST ? resolve(env.DAYONE_WEB_DIST) : defaultWebDist,
    logLevel: env.DAYONE_LOG_LEVEL ?? 'info',
    bodyLimit: Number(env.DAYONE_BODY_LIMIT ?? 1024 * 1024),
    secureCookies: env.DAYONE_SECURE_COOKIES === 'true',
    rateLimit: rateLimitFrom(env),
    shutdownGraceMs: env.DAYONE_SHUTDOWN_GRACE_MS ? positiveInteger('DAYONE_SHUTDOWN_GRACE_MS', env.DAYONE_SHUTDOWN_GRACE_MS) : undefined,
    oidc,
    localPasswords: localPasswordsFromEnv(env, oidc),
    attachmentMaxBytes: env.DAYONE_ATTACHMENT_MAX_BYTES ? positiveInteger('DAYONE_ATTACHMENT_MAX_BYTES', env.DAYONE_ATTACHMENT_MAX_BYTES) : undefined,
  };
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

/** DAYONE_RATE_LIMIT: requests per minute per key (default 1200, i.e. 20 a second; 0 turns it off). */
export const DEFAULT_RATE_LIMIT = 1200;
function rateLimitFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.DAYONE_RATE_LIMIT;
  if (raw === undefined || raw === '') return DEFAULT_RATE_LIMIT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`DAYONE_RATE_LIMIT must be a whole number of requests per minute (0 for no limit), got "${raw}"`);
  return value;
}
