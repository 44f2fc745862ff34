import { readBackupLines, type BackupLine } from './backup-file';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, checkValue, type BackupHeader, type PortableType, type TableLine } from './backup-format';
import { BackupRefusal } from './backup-refusal';

export type BackupEvent =
  | { kind: 'table'; table: TableLine }
  | { kind: 'row'; table: TableLine; values: unknown[] }
  | { kind: 'table-end'; table: TableLine; rows: number };

const TYPES = new Set<PortableType>(['text', 'integer', 'real', 'boolean', 'timestamp', 'json', 'blob']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(file: string, line: number, problem: string): BackupRefusal {
  return new BackupRefusal('BACKUP_FILE_INVALID', `${file} line ${line}: ${problem}; the file is damaged or not a Day One backup`);
}

/** Checks the first line: the format, its version and the header's fields. */
export function parseHeader(file: string, first: BackupLine | undefined): BackupHeader {
  const h = first?.value;
  if (!isObject(h) || h.type !== 'header' || h.format !== BACKUP_FORMAT) {
    throw new BackupRefusal('BACKUP_FILE_INVALID', `${file} is not a Day One backup (its first line is not a ${BACKUP_FORMAT} header)`);
  }
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupRefusal('BACKUP_VERSION_UNSUPPORTED', `${file} is in backup format version ${JSON.stringify(h.formatVersion)}; this version of Day One reads version ${BACKUP_FORMAT_VERSION}`);
  }
  if (!Array.isArray(h.schemaVersion) || !h.schemaVersion.every((m) => typeof m === 'string') || typeof h.createdAt !== 'string' || (h.sourceDialect !== 'sqlite' && h.sourceDialect !== 'postgres')) {
    throw invalid(file, 1, 'the header lacks schemaVersion, createdAt or sourceDialect');
  }
  return h as unknown as BackupHeader;
}

/** Reads only the header line. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readBackupLines(file);
  try {
    return parseHeader(file, (await lines.next()).value || undefined);
  } finally {
    await lines.return(undefined);
  }
}

/** The tables and rows of a backup file, checked as they are read: every line in its place, every row
 *  as long as its table's columns with values of the columns' types, every count right, and nothing
 *  missing at the end. */
export async function* readBackupEvents(file: string): AsyncGenerator<BackupEvent> {
  const lines = readBackupLines(file);
  parseHeader(file, (await lines.next()).value || undefined);
  let table: TableLine | null = null;
  let rows = 0;
  let total = 0;
  let tables = 0;
  const seen = new Set<string>();
  for await (const { number, value } of lines) {
    if (table && Array.isArray(value)) {
      if (value.length !== table.columns.length) throw invalid(file, number, `a row of ${table.name} has ${value.length} values for ${table.columns.length} columns`);
      table.columns.forEach((column, i) => {
        const problem = checkValue(column.type, value[i]);
        if (problem) throw invalid(file, number, `${table!.name}.${column.name} ${problem}`);
      });
      rows += 1;
      yield { kind: 'row', table, values: value };
    } else if (table && isObject(value) && value.type === 'table-end') {
      if (value.name !== table.name || value.rows !== rows) throw invalid(file, number, `table ${table.name} ends after ${rows} rows, but the file says ${JSON.stringify(value.rows)}`);
      yield { kind: 'table-end', table, rows };
      total += rows;
      tables += 1;
      table = null;
    } else if (!table && isObject(value) && value.type === 'table') {
      table = tableLine(file, number, value, seen);
      rows = 0;
      yield { kind: 'table', table };
    } else if (!table && isObject(value) && value.type === 'end') {
      if (value.tables !== tables || value.rows !== total) throw invalid(file, number, `the file ends saying ${JSON.stringify(value.tables)} tables and ${JSON.stringify(value.rows)} rows, but holds ${tables} and ${total}`);
      if (!(await lines.next()).done) throw invalid(file, number + 1, 'there is more after the end line');
      return;
    } else {
      throw invalid(file, number, table ? `expected a row of ${table.name} or its end` : 'expected a table or the end line');
    }
  }
  throw new BackupRefusal('BACKUP_FILE_INVALID', `${file} is cut short: it stops ${table ? `inside table ${table.name}` : 'before its end line'}; the file is incomplete`);
}

function tableLine(file: string, number: number, value: Record<string, unknown>, seen: Set<string>): TableLine {
  const columns = value.columns;
  const valid =
    typeof value.name === 'string' &&
    Array.isArray(columns) &&
    columns.every((c) => isObject(c) && typeof c.name === 'string' && TYPES.has(c.type as PortableType)) &&
    Array.isArray(value.primaryKey);
  if (!valid) throw invalid(file, number, 'a table line lacks its name, columns (name and type) or primary key');
  const name = value.name as string;
  if (seen.has(name)) throw invalid(file, number, `table ${name} appears twice`);
  seen.add(name);
  return value as unknown as TableLine;
}
