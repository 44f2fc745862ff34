import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many SQL texts keep their prepared statement; beyond that the least recently used is dropped
 *  (texts with a varying number of placeholders, such as `in (?, ?, …)`, come in many shapes). */
export const STATEMENT_CACHE_SIZE = 500;

/** What Kysely's SQLite dialect needs of a database (`SqliteDatabase`), with better-sqlite3's statements. */
export interface StatementCache extends SqliteDatabase {
  prepare(sql: string): SQLite.Statement;
  readonly cached: number;
}

/** The embedded database as Kysely's SQLite dialect and the bulk writer use it, with each SQL text
 *  prepared once and the statement reused: Kysely asks for a new statement on every query, and
 *  compiling one costs about as much as running a small one. A statement still being iterated (a streamed query) is busy, so the same
 *  text asked for meanwhile gets a statement of its own. */
export function withStatementCache(connection: SQLite.Database, size = STATEMENT_CACHE_SIZE): StatementCache {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string) {
      const found = statements.get(sql);
      if (found) {
        if (found.busy) return connection.prepare(sql);
        // Most recently used last: the first key is the one to drop.
        statements.delete(sql);
        statements.set(sql, found);
        return found;
      }
      const statement = connection.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
    get cached() {
      return statements.size;
    },
  };
}
