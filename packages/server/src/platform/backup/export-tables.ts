import type { Dialect } from '../db/database';
import { openBackupWriter } from './backup-file';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, encodeValue, type BackupHeader, type EndLine, type TableEndLine, type TableLine } from './backup-format';
import { tableOrder } from './table-order';
import type { TableSchema } from './table-schema';

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  schemaVersion: string[];
  sourceDialect: Dialect;
  createdAt: string;
}

/** Reads one table's rows, in primary-key order and in batches, from a consistent view of the database. */
export type RowSource = (table: TableSchema) => AsyncIterable<Record<string, unknown>[]>;

/** The columns rows are sorted by: the primary key, or every column of a table without one. */
export function sortColumns(table: TableSchema): string[] {
  return table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name);
}

/** Writes the backup file from a consistent view: tables in foreign-key order, values portable. */
export async function writeBackupFile(
  file: string,
  source: { schemaVersion: string[]; sourceDialect: Dialect; createdAt: string },
  tables: TableSchema[],
  read: RowSource,
): Promise<BackupSummary> {
  const writer = openBackupWriter(file);
  try {
    const header: BackupHeader = { type: 'header', format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...source };
    await writer.line(header);
    let total = 0;
    for (const table of tableOrder(tables)) {
      const line: TableLine = { type: 'table', name: table.name, columns: table.columns.map((c) => ({ name: c.name, type: c.type })), primaryKey: table.primaryKey };
      await writer.line(line);
      let rows = 0;
      for await (const batch of read(table)) {
        await writer.lines(batch.map((row) => table.columns.map((c) => encodeValue(c.type, row[c.name]))));
        rows += batch.length;
      }
      const end: TableEndLine = { type: 'table-end', name: table.name, rows };
      await writer.line(end);
      total += rows;
    }
    const end: EndLine = { type: 'end', tables: tables.length, rows: total };
    await writer.line(end);
    const bytes = await writer.finish();
    return { file, bytes, tables: tables.length, rows: total, ...source };
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}
