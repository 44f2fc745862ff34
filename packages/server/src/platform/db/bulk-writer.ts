import type SQLite from 'better-sqlite3';
import { PostgresAdapter, sql, type Insertable } from 'kysely';
import type { Database } from './schema';
import type { Db, DatabaseHandle } from './database';
import { withStatementCache } from './statement-cache';

/** Tables bulk writes reach beside the schema's: SQLite's full-text table of the search index, which is
 *  virtual, so Kysely's schema leaves it out (see capabilities/search/search-index.ts). */
interface VirtualTables {
  search_fts: { rowid: number; title: string; body: string; grams: string; tags: string };
}
type Tables = Database & VirtualTables;
type Table = keyof Tables;
type Row<T extends Table> = Insertable<Tables[T]>;

/** Rows per multi-row statement on PostgreSQL: well under its 65,535 bound values at 10 columns. */
const ROWS_PER_STATEMENT = 2000;

/** Many rows into one table inside the caller's transaction, as fast as each store allows.
 *
 *  On SQLite every row is one run of a prepared statement kept in a statement cache (statement-cache.ts), on the one
 *  connection the caller's transaction holds: SQLite does the work in-process, so the cost is building
 *  and binding SQL, which a cached single-row statement avoids (a multi-row statement of thousands of
 *  rows is built, bound and prepared anew each time). On PostgreSQL each round trip costs more than the
 *  building, so rows go in multi-row statements. Rows of one call must all have the same columns. */
export interface BulkWriter {
  /** Inserts the rows whose `key` is new; answers the keys that were inserted. */
  insertNew<T extends Table>(trx: Db, table: T, key: keyof Row<T> & string, rows: Row<T>[]): Promise<Set<string>>;
  /** Inserts the rows; a row whose `conflict` columns exist already replaces the `update` columns. */
  upsert<T extends Table>(trx: Db, table: T, rows: Row<T>[], conflict?: { columns: (keyof Row<T> & string)[]; update: (keyof Row<T> & string)[] }): Promise<void>;
  /** Sets the `columns` of stored rows to the values in `rows`, found by `key` (whole rows: on PostgreSQL
   *  they are read as the table's row type); rows not stored are left alone, as an UPDATE leaves them. */
  update<T extends Table>(trx: Db, table: T, key: keyof Row<T> & string, columns: (keyof Row<T> & string)[], rows: Row<T>[]): Promise<void>;
  /** Inserts the rows, as upsert without a conflict does; on PostgreSQL, when JSON carries every value
   *  exactly (text, whole numbers, booleans, nulls), each statement binds the rows as one JSON value read
   *  as the table's row type, which PostgreSQL parses several times faster than thousands of parameters. */
  insert<T extends Table>(trx: Db, table: T, rows: Row<T>[]): Promise<void>;
  /** insertNew for rows whose `inline` columns hold a few values over and over (one experiment's key, one
   *  batch's time): on SQLite those values are written into the statement, so each row binds only the
   *  rest, since binding text is much of what a row costs there. Rows still go in in their order. */
  insertNewInline<T extends Table>(trx: Db, table: T, key: keyof Row<T> & string, rows: Row<T>[], inline: (keyof Row<T> & string)[]): Promise<Set<string>>;
  /** upsert, with the `inline` columns written into the statement as insertNewInline does. */
  upsertInline<T extends Table>(trx: Db, table: T, rows: Row<T>[], inline: (keyof Row<T> & string)[], conflict?: { columns: (keyof Row<T> & string)[]; update: (keyof Row<T> & string)[] }): Promise<void>;
}

function* chunks<T>(values: T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Whether JSON carries each value of a row as the driver would bind it: text that is well formed and
 *  holds no NUL (both refused by PostgreSQL either way, but with other messages), whole numbers,
 *  booleans and nulls; not numbers JSON cannot write (NaN), missing values (a column's default) or
 *  objects the driver turns into text its own way (dates, buffers). */
export function jsonExact(row: object): boolean {
  for (const value of Object.values(row)) {
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number' && Number.isSafeInteger(value)) continue;
    if (typeof value === 'string' && !value.includes('\u0000') && (value as string & { isWellFormed(): boolean }).isWellFormed()) continue;
    return false;
  }
  return true;
}

/** Text that may stand in a statement as a literal as it is: letters, digits and a few marks, no quote. */
const PLAIN = /^[\w.:+-]{0,200}$/;

/** Statements with inline values one call may prepare; rows of further combinations bind every value. */
const INLINE_STATEMENTS = 16;

/** For rows with `inline` columns: the statement for each row, one per combination of the inline columns'
 *  values, with the values that are plain text (or null) written in and any other bound like the rest.
 *  They are prepared per call (an inline value such as a batch's time rarely comes back), at most
 *  INLINE_STATEMENTS of them: rows with values that vary more (a time per event) take `general`. */
type Choice = { statement: SQLite.Statement; bound: string[] };
function inlineStatements(connection: SQLite.Database, table: string, columns: string[], inline: string[], tail: string, general: Choice) {
  if (!inline.length) return () => general;
  let count = 0;
  const literal = (v: unknown) => (v === null || v === undefined ? 'null' : typeof v === 'string' && PLAIN.test(v) ? `'${v}'` : undefined);
  // A tree of the inline columns' values, one level per column, so a row finds its statement without building a key.
  const root = new Map<unknown, unknown>();
  return (row: Record<string, unknown>): Choice => {
    let node = root;
    for (let i = 0; i < inline.length - 1; i++) {
      const v = row[inline[i]];
      let next = node.get(v) as Map<unknown, unknown> | undefined;
      if (!next) node.set(v, (next = new Map()));
      node = next;
    }
    const last = row[inline[inline.length - 1]];
    let choice = node.get(last) as Choice | undefined;
    if (!choice) {
      if (count < INLINE_STATEMENTS) {
        count++;
        const values = columns.map((c) => (inline.includes(c) ? (literal(row[c]) ?? '?') : '?'));
        const bound = columns.filter((c, i) => values[i] === '?');
        choice = { statement: connection.prepare(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${values.join(', ')})${tail}`), bound };
      } else choice = general;
      node.set(last, choice);
    }
    return choice;
  };
}

function sqliteWriter(connection: SQLite.Database): BulkWriter {
  const { prepare: prepared } = withStatementCache(connection);
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
    async update(_trx, table, key, columns, rows) {
      if (!rows.length) return;
      const statement = prepared(`update ${quote(table)} set ${columns.map((c) => `${quote(c)} = ?`).join(', ')} where ${quote(key)} = ?`);
      for (const row of rows as Record<string, unknown>[]) statement.run([...valuesOf(row, columns), row[key] ?? null]);
    },
    insert(trx, table, rows) {
      return this.upsert(trx, table, rows);
    },
    async insertNewInline(_trx, table, key, rows, inline) {
      const inserted = new Set<string>();
      if (!rows.length) return inserted;
      const columns = Object.keys(rows[0]);
      const tail = ` on conflict (${quote(key)}) do nothing`;
      const choose = inlineStatements(connection, table, columns, inline, tail, { statement: prepared(insertSql(table, columns, tail)), bound: columns });
      for (const row of rows as Record<string, unknown>[]) {
        const { statement, bound } = choose(row);
        if (statement.run(valuesOf(row, bound)).changes > 0) inserted.add(String(row[key]));
      }
      return inserted;
    },
    async upsertInline(_trx, table, rows, inline, conflict) {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]);
      const tail = conflict ? ` on conflict (${conflict.columns.map(quote).join(', ')}) do update set ${conflict.update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}` : '';
      const choose = inlineStatements(connection, table, columns, inline, tail, { statement: prepared(insertSql(table, columns, tail)), bound: columns });
      for (const row of rows as Record<string, unknown>[]) {
        const { statement, bound } = choose(row);
        statement.run(valuesOf(row, bound));
      }
    },
  };
}

function kyselyWriter(): BulkWriter {
  const writer: BulkWriter = {
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
    async update(trx, table, key, columns, rows) {
      if (!rows.length) return;
      if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic path for every table
        for (const row of rows as Record<string, unknown>[]) await (trx as any).updateTable(table).set(Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))).where(key, '=', row[key]).execute();
        return;
      }
      // One parameter per statement: the rows as JSON, turned into the table's own row type, so every value
      // arrives with its column's type.
      const set = sql.raw(columns.map((c) => `${quote(c)} = v.${quote(c)}`).join(', '));
      for (const part of chunks(rows)) {
        await sql`update ${sql.table(table)} as t set ${set} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(part)}::jsonb) as v where t.${sql.raw(quote(key))} = v.${sql.raw(quote(key))}`.execute(trx);
      }
    },
    async insert(trx, table, rows) {
      if (!rows.length) return;
      if (!(trx.getExecutor().adapter instanceof PostgresAdapter) || !rows.every(jsonExact)) return writer.upsert(trx, table, rows);
      const columns = sql.raw(Object.keys(rows[0]).map(quote).join(', '));
      for (const part of chunks(rows)) {
        await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(part)}::jsonb)`.execute(trx);
      }
    },
    // Multi-row statements bind each value once per statement anyway: nothing to gain from inlining.
    insertNewInline: (trx, table, key, rows) => writer.insertNew(trx, table, key, rows),
    upsertInline: (trx, table, rows, _inline, conflict) => writer.upsert(trx, table, rows, conflict),
  };
  return writer;
}

export function createBulkWriter(handle: Pick<DatabaseHandle, 'sqlite'>): BulkWriter {
  return handle.sqlite ? sqliteWriter(handle.sqlite) : kyselyWriter();
}
