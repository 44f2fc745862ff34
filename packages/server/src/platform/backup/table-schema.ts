import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/database';
import { portableType, type PortableType } from './backup-format';

export interface ColumnSchema {
  name: string;
  type: PortableType;
  /** PostgreSQL: values come from a sequence (serial or identity); `always` needs OVERRIDING SYSTEM VALUE. */
  generated: 'always' | 'sequence' | null;
}

export interface ForeignKey {
  columns: string[];
  table: string;
  references: string[];
}

export interface TableSchema {
  name: string;
  columns: ColumnSchema[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** The migrator's own bookkeeping; a backup carries the list of applied migrations in its header instead. */
export const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Every table of Day One's, read from the database itself (so tables added by later migrations are
 *  included without a list to keep up to date), sorted by name. Columns the database computes itself
 *  (PostgreSQL's generated columns) are left out: they cannot be written and come back by themselves. */
export async function readTableSchemas(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<TableSchema[]> {
  const tables = dialect === 'sqlite' ? await sqliteTables(db) : await postgresTables(db, schema ?? 'public');
  return tables.filter((t) => !MIGRATION_TABLES.has(t.name)).sort((a, b) => a.name.localeCompare(b.name));
}

async function sqliteTables(db: Kysely<any>): Promise<TableSchema[]> {
  // Ordinary tables only: virtual tables (full-text indexes) and their shadow tables are the engine's own.
  const names = await sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%'`.execute(db);
  const tables: TableSchema[] = [];
  for (const { name } of names.rows) {
    const info = await sql<{ name: string; type: string; pk: number }>`select name, type, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const fks = await sql<{ id: number; seq: number; table: string; from: string; to: string | null }>`select id, seq, "table", "from", "to" from pragma_foreign_key_list(${name}) order by id, seq`.execute(db);
    const byId = new Map<number, ForeignKey>();
    for (const fk of fks.rows) {
      const key = byId.get(fk.id) ?? { columns: [], table: fk.table, references: [] };
      key.columns.push(fk.from);
      if (fk.to !== null) key.references.push(fk.to);
      byId.set(fk.id, key);
    }
    tables.push({
      name,
      columns: info.rows.map((c) => ({ name: c.name, type: portableType(c.type), generated: null })),
      primaryKey: info.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      foreignKeys: [...byId.values()],
    });
  }
  // A reference that names no column points at the referenced table's primary key.
  for (const table of tables) {
    for (const fk of table.foreignKeys) {
      if (fk.references.length === 0) fk.references = tables.find((t) => t.name === fk.table)?.primaryKey ?? [];
    }
  }
  return tables;
}

async function postgresTables(db: Kysely<any>, schema: string): Promise<TableSchema[]> {
  const columns = await sql<{ table_name: string; column_name: string; udt_name: string; is_identity: string; identity_generation: string | null; column_default: string | null }>`
    select c.table_name, c.column_name, c.udt_name, c.is_identity, c.identity_generation, c.column_default
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = ${schema} and c.is_generated = 'NEVER'
    order by c.table_name, c.ordinal_position`.execute(db);
  const constraints = await sql<{ contype: string; table_name: string; ref_table: string | null; columns: string[]; ref_columns: string[] | null }>`
    select con.contype, src.relname as table_name, dst.relname as ref_table,
      array(select a.attname from unnest(con.conkey) with ordinality k(attnum, ord)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord)::text[] as columns,
      array(select a.attname from unnest(con.confkey) with ordinality k(attnum, ord)
            join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord)::text[] as ref_columns
    from pg_constraint con
    join pg_class src on src.oid = con.conrelid
    join pg_namespace n on n.oid = src.relnamespace
    left join pg_class dst on dst.oid = con.confrelid
    where n.nspname = ${schema} and con.contype in ('p', 'f')
    order by con.conname`.execute(db);
  const tables = new Map<string, TableSchema>();
  for (const c of columns.rows) {
    const table = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [], foreignKeys: [] };
    const generated = c.is_identity === 'YES' ? (c.identity_generation === 'ALWAYS' ? 'always' : 'sequence') : c.column_default?.startsWith('nextval(') ? 'sequence' : null;
    table.columns.push({ name: c.column_name, type: portableType(c.udt_name), generated });
    tables.set(c.table_name, table);
  }
  for (const con of constraints.rows) {
    const table = tables.get(con.table_name);
    if (!table) continue;
    if (con.contype === 'p') table.primaryKey = con.columns;
    else table.foreignKeys.push({ columns: con.columns, table: con.ref_table!, references: con.ref_columns ?? [] });
  }
  return [...tables.values()];
}
