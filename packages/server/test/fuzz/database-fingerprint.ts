import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/platform/db/database';

/** Row count and a hash of every row of one table. */
export interface TableFingerprint {
  rows: number;
  hash: string;
}

export type Fingerprint = Map<string, TableFingerprint>;

/** Columns left out of the fingerprint, as `table.column`, each because it changes on requests that are refused. */
export type IgnoredColumns = ReadonlySet<string>;

type Columns = Map<string, string[]>;

/** Every table and its columns, read from the database's own catalogue (so tables added later are included). */
export async function discoverColumns(handle: DatabaseHandle): Promise<Columns> {
  const columns: Columns = new Map();
  if (handle.dialect === 'sqlite') {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(handle.db);
    for (const { name } of tables.rows) {
      const info = await sql<{ name: string }>`select name from pragma_table_info(${name}) order by cid`.execute(handle.db);
      columns.set(name, info.rows.map((c) => c.name));
    }
    return columns;
  }
  const rows = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = ${handle.schema!} and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(handle.db);
  for (const r of rows.rows) columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  return columns;
}

/** A fingerprint of the whole database: equal fingerprints mean no row was added, removed or changed. */
export async function fingerprint(handle: DatabaseHandle, columns: Columns, ignored: IgnoredColumns): Promise<Fingerprint> {
  const kept = new Map([...columns].map(([table, cols]) => [table, cols.filter((c) => !ignored.has(`${table}.${c}`))]));
  return handle.dialect === 'sqlite' ? sqliteFingerprint(handle, kept) : postgresFingerprint(handle, kept);
}

/** One round trip: every row of every table as text (quote() renders any value, blobs included), hashed here. */
async function sqliteFingerprint(handle: DatabaseHandle, columns: Columns): Promise<Fingerprint> {
  const parts = [...columns].map(([table, cols]) => sql`select ${table} as name, ${sql.join(cols.map((c) => sql`quote(${sql.ref(c)})`), sql` || ',' || `)} as line from ${sql.table(table)}`);
  const lines = new Map<string, string[]>([...columns.keys()].map((t) => [t, []]));
  if (parts.length > 0) {
    const rows = await sql<{ name: string; line: string }>`${sql.join(parts, sql` union all `)}`.execute(handle.db);
    for (const r of rows.rows) lines.get(r.name)!.push(r.line);
  }
  const result: Fingerprint = new Map();
  for (const [table, list] of lines) result.set(table, { rows: list.length, hash: sha256(list.sort().join('\n')) });
  return result;
}

/** One round trip: per table, the count and an md5 over the sorted md5s of its rows. */
async function postgresFingerprint(handle: DatabaseHandle, columns: Columns): Promise<Fingerprint> {
  const parts = [...columns].map(([table, cols]) => {
    const row = sql`md5(row(${sql.join(cols.map((c) => sql.ref(`t.${c}`)))})::text)`;
    return sql`select ${table}::text as name, count(*)::int as rows, coalesce(md5(string_agg(${row}, '' order by ${row})), '') as hash from ${sql.table(table)} t`;
  });
  const result: Fingerprint = new Map();
  if (parts.length === 0) return result;
  const rows = await sql<{ name: string; rows: number; hash: string }>`${sql.join(parts, sql` union all `)}`.execute(handle.db);
  for (const r of rows.rows) result.set(r.name, { rows: Number(r.rows), hash: r.hash });
  return result;
}

/** A number that moves whenever anything may have been written: on SQLite the connection's count of changed
 *  rows, on PostgreSQL the next transaction id (cluster-wide, so others' writes move it too). When it has not
 *  moved, nothing was written and the fingerprint still holds; when it has, the fingerprint is taken again. */
export async function changeCounter(handle: DatabaseHandle): Promise<string> {
  const query = handle.dialect === 'sqlite' ? sql<{ n: unknown }>`select total_changes() as n` : sql<{ n: unknown }>`select pg_snapshot_xmax(pg_current_snapshot())::text as n`;
  const { rows } = await query.execute(handle.db);
  return String(rows[0].n);
}

/** The tables whose rows differ between two fingerprints, with their row counts. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n)?.hash !== after.get(n)?.hash || before.get(n)?.rows !== after.get(n)?.rows).map((n) => `${n} (${before.get(n)?.rows ?? 0} → ${after.get(n)?.rows ?? 0} rows)`);
}

function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}
