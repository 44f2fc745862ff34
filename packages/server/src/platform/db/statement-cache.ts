import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many SQL texts keep their prepared statement; beyond that the least recently used is dropped
 *  (texts with a varying number of placeholders, such as `in (?, ?, …)`, come in many shapes). */
export const STATEMENT_CACHE_SIZE = 500;

/** The embedded database as Kysely's SQLite dialect uses it, with each SQL text prepared once and the
 *  statement reused: Kysely asks for a new statement on every query, and compiling one costs about as
 *  much as running a small one. A statement still being iterated (a streamed query) is busy, so the same
 *  text asked for meanwhile gets a statement of its own. */
export function withStatementCache(connection: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase & { readonly cached: number } {
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
