import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/database';
import { decodeValue, type BackupColumn } from './backup-format';
import type { TableSchema } from './table-schema';

/** Bound parameters per statement, under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const PARAMETERS = 30_000;
const MAX_ROWS = 1000;

export interface TableTarget {
  trx: Kysely<any>;
  dialect: Dialect;
  schema?: string;
}

export const qualified = (target: TableTarget, table: string): string => (target.dialect === 'postgres' ? `${target.schema}.${table}` : table);

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A schema-qualified table name as quoted SQL identifiers. */
const quoted = (name: string): string => name.split('.').map(identifier).join('.');

/** Inserts a table's rows in multi-row statements, each value converted from its portable form to what
 *  the target column takes. */
export function tableInserter(target: TableTarget, table: TableSchema, columns: BackupColumn[]) {
  const targetTypes = columns.map((c) => table.columns.find((t) => t.name === c.name)!.type);
  const overriding = target.dialect === 'postgres' && table.columns.some((c) => c.generated === 'always' && columns.some((b) => b.name === c.name));
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(PARAMETERS / Math.max(1, columns.length))));
  // The statement text is built here rather than through the query builder: with thousands of values a
  // statement, compiling a template costs more than running it.
  const placeholder = target.dialect === 'postgres' ? (n: number) => `$${n}` : () => '?';
  const head = `insert into ${quoted(qualified(target, table.name))} (${columns.map((c) => identifier(c.name)).join(', ')}) ${overriding ? 'overriding system value ' : ''}values `;
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const parameters: unknown[] = [];
    const groups = batch.map((row) => `(${row.map((v, i) => (parameters.push(decodeValue(columns[i].type, targetTypes[i], target.dialect, v)), placeholder(parameters.length))).join(', ')})`);
    batch = [];
    await target.trx.executeQuery(CompiledQuery.raw(head + groups.join(', '), parameters));
  };
  return {
    async add(row: unknown[]) {
      batch.push(row);
      if (batch.length >= perStatement) await flush();
    },
    flush,
  };
}

/** PostgreSQL: serial and identity columns continue after the largest restored value. */
export async function resetSequences(target: TableTarget, tables: TableSchema[]): Promise<void> {
  if (target.dialect !== 'postgres') return;
  for (const table of tables) {
    for (const column of table.columns.filter((c) => c.generated !== null)) {
      const name = qualified(target, table.name);
      await sql`select setval(pg_get_serial_sequence(${name}, ${column.name}), coalesce((select max(${sql.ref(column.name)}) from ${sql.table(name)}), 0) + 1, false)`.execute(target.trx);
    }
  }
}
