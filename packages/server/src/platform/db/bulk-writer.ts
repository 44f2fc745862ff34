import type SQLite from 'better-sqlite3';
import { sql, type Insertable } from 'kysely';
import type { Database } from './schema';
import type { Db, DatabaseHandle } from './database';

type Table = keyof Database;
type Row<T extends Table> = Insertable<Database[T]>;

/** Rows per multi-row statement on PostgreSQL: well under its 65,535 bound values at 10 columns. */
const ROWS_PER_STATEMENT = 2000;

/** Many rows into one table inside the caller's transaction, as fast as each store allows.
 *
 *  On SQLite every row is one run of a prepared statement kept for the life of the process, on the one
 *  connection the caller's transaction holds: SQLite does the work in-process, so the cost is building
 *  and binding SQL, which a cached single-row statement avoids (a multi-row statement of thousands of
 *  rows is built, bound and prepared anew each time). On PostgreSQL each round trip costs more than the
 *  building, so rows go in multi-row statements. Rows of one call must all have the same columns. */
export interface BulkWriter {
  /** Inserts the rows whose `key` is new; answers the keys that were inserted. */
  insertNew<T extends Table>(trx: Db, table: T, key: keyof Row<T> & string, rows: Row<T>[]): Promise<Set<string>>;
  /** Inserts the rows; a row whose `conflict` columns exist already replaces the `update` columns. */
  upsert<T extends Table>(trx: Db, table: T, rows: Row<T>[], conflict?: { columns: (keyof Row<T> & string)[]; update: (keyof Row<T> & string)[] }): Promise<void>;
}

function* chunks<T>(values: T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function sqliteWriter(connection: SQLite.Database): BulkWriter {
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (text: string) => {
    let s = statements.get(text);
    if (!s) statements.set(text, (s = connection.prepare(text)));
    return s;
  };
  const insertSql = (table: string, columns: string[], tail: string) => `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})${tail}`;
  const valuesOf = (row: Record<string, unknown>, columns: string[]) => columns.map((c) => row[c] ?? null);

  return {
    async insertNew(_trx, table, key, rows) {
      const inserted = new Set<string>();
      if (!rows.length) return inserted;
      const columns = Object.keys(rows[0]);
      const statement = prepared(insertSql(table, columns, ` on conflict (${quote(key)}) do nothing`));
      for (const row of rows as Record<string, unknown>[]) if (statement.run(valuesOf(row, columns)).changes > 0) inserted.add(String(row[key]));
      return inserted;
    },
    async upsert(_trx, table, rows, conflict) {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]);
      const tail = conflict ? ` on conflict (${conflict.columns.map(quote).join(', ')}) do update set ${conflict.update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}` : '';
      const statement = prepared(insertSql(table, columns, tail));
      for (const row of rows as Record<string, unknown>[]) statement.run(valuesOf(row, columns));
    },
  };
}

function kyselyWriter(): BulkWriter {
  return {
    async insertNew(trx, table, key, rows) {
      const inserted = new Set<string>();
      for (const part of chunks(rows)) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic path for every table
        const done: Record<string, unknown>[] = await (trx as any).insertInto(table).values(part).onConflict((oc: any) => oc.column(key).doNothing()).returning(key).execute();
        for (const r of done) inserted.add(String(r[key]));
      }
      return inserted;
    },
    async upsert(trx, table, rows, conflict) {
      for (const part of chunks(rows)) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic path for every table
        let q = (trx as any).insertInto(table).values(part);
        if (conflict) q = q.onConflict((oc: any) => oc.columns(conflict.columns).doUpdateSet(Object.fromEntries(conflict.update.map((c) => [c, sql`excluded.${sql.ref(c)}`]))));
        await q.execute();
      }
    },
  };
}

export function createBulkWriter(handle: Pick<DatabaseHandle, 'sqlite'>): BulkWriter {
  return handle.sqlite ? sqliteWriter(handle.sqlite) : kyselyWriter();
}
