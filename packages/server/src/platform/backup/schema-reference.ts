import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate, type Dialect } from '../db/database';
import type { Database } from '../db/schema';
import { encodeValue } from './backup-format';
import { readTableSchemas, type TableSchema } from './table-schema';

/** What the migrations alone make: the tables of a schema version and the rows its migrations insert
 *  (instance settings, for one). A database holding only these rows is empty. */
export interface SchemaReference {
  tables: TableSchema[];
  /** Per table, the canonical form of each row the migrations insert. */
  seeds: Map<string, Set<string>>;
}

/** Runs the migrations up to `lastMigration` on a scratch in-memory database and reads what they made. */
export async function schemaReference(lastMigration: string | undefined): Promise<SchemaReference> {
  if (lastMigration === undefined) return { tables: [], seeds: new Map() };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  try {
    await migrate({ db, dialect: 'sqlite', close: () => db.destroy() }, lastMigration);
    const scratch = db as unknown as Kysely<any>;
    const tables = await readTableSchemas(scratch, 'sqlite');
    const seeds = new Map<string, Set<string>>();
    for (const table of tables) {
      const rows = await scratch.selectFrom(table.name).selectAll().execute();
      seeds.set(table.name, new Set(rows.map((row) => canonicalRow(table, row))));
    }
    return { tables, seeds };
  } finally {
    await db.destroy();
  }
}

/** A row as text that is the same on either database: portable values, columns by name. */
export function canonicalRow(table: TableSchema, row: Record<string, unknown>): string {
  const columns = [...table.columns].sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify(columns.map((c) => [c.name, encodeValue(c.type, row[c.name])]));
}

/** Tables of a database that hold rows other than those its migrations insert, with their row counts;
 *  none means the database is empty. */
export async function tablesWithData(db: Kysely<any>, dialect: Dialect, schema: string | undefined, seeds: Map<string, Set<string>>): Promise<{ table: string; rows: number }[]> {
  const found: { table: string; rows: number }[] = [];
  for (const table of await readTableSchemas(db, dialect, schema)) {
    const seeded = seeds.get(table.name) ?? new Set<string>();
    const from = dialect === 'postgres' ? `${schema}.${table.name}` : table.name;
    const rows = await db.selectFrom(from).selectAll().limit(seeded.size + 1).execute();
    if (rows.length > seeded.size || rows.some((row) => !seeded.has(canonicalRow(table, row)))) {
      const { count } = await db.selectFrom(from).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      found.push({ table: table.name, rows: Number(count) });
    }
  }
  return found;
}
