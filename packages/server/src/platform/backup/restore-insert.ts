import { sql, type Kysely } from 'kysely';
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

/** Inserts a table's rows in multi-row statements, each value converted from its portable form to what
 *  the target column takes. */
export function tableInserter(target: TableTarget, table: TableSchema, columns: BackupColumn[]) {
  const targetTypes = columns.map((c) => table.columns.find((t) => t.name === c.name)!.type);
  const overriding = target.dialect === 'postgres' && table.columns.some((c) => c.generated === 'always' && columns.some((b) => b.name === c.name));
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(PARAMETERS / Math.max(1, columns.length))));
  const head = sql`insert into ${sql.table(qualified(target, table.name))} (${sql.join(columns.map((c) => sql.ref(c.name)))}) ${sql.raw(overriding ? 'overriding system value ' : '')}values `;
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((row) => sql`(${sql.join(row.map((v, i) => decodeValue(columns[i].type, targetTypes[i], target.dialect, v)))})`);
    batch = [];
    await sql`${head}${sql.join(values)}`.execute(target.trx);
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
