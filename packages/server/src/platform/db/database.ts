import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { migrations } from './migrations/index';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The schema Day One's tables live in on PostgreSQL. */
  schema?: string;
  /** The file of the embedded database. */
  file?: string;
  /** The embedded database's one connection, for bulk writes inside a Kysely transaction (bulk-writer.ts). */
  sqlite?: SQLite.Database;
  /** The PostgreSQL connection string. */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.databaseSchema ?? 'public');
  mkdirSync(options.dataDir, { recursive: true });
  return openSqlite(sqliteFile(options.dataDir));
}

/** The embedded database's file inside the data folder. */
export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'dayone.sqlite');
}

function openSqlite(file: string): DatabaseHandle {
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the client hears 2xx, even if the machine (not only the process) dies.
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return { db, dialect: 'sqlite', file, sqlite: connection, close: () => db.destroy() };
}

function openPostgres(url: string, schema: string): DatabaseHandle {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`DAYONE_DATABASE_SCHEMA must be a plain lower-case identifier, got "${schema}"`);
  // bigint counts come back as numbers; our counts are far below 2^53.
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', schema, url, close: () => db.destroy() };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date, or only up to the named migration (upgrade tests, restoring a backup
 *  made by an earlier version). */
export async function migrate(handle: DatabaseHandle, upTo?: string): Promise<void> {
  if (handle.dialect === 'postgres') await sql`create schema if not exists ${sql.id(handle.schema!)}`.execute(handle.db);
  const migrator = new Migrator({
    db: handle.db,
    provider,
    migrationTableSchema: handle.dialect === 'postgres' ? handle.schema : undefined,
  });
  const { error, results } = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Unique-constraint violations look different on each dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs work in a transaction; a unique-constraint race (two writers creating the same thing at the same
 *  moment) becomes the given conflict instead of a 500. */
export async function transactOrConflict<T>(db: Db, work: (trx: Db) => Promise<T>, conflict: () => Error): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
