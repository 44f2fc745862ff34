import type { Dialect } from '../db/database';

/** A backup file is gzip-compressed NDJSON: one header line, then for every table a table line, its rows
 *  (each a JSON array in the table line's column order) and an end-of-table line, then an end line.
 *  Values are portable: the column's `type` says how to read each one. */
export const BACKUP_FORMAT = 'dayone-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** How a value is written, whatever the database it came from:
 *  text and timestamp as strings (timestamps ISO 8601 UTC), integer and real as numbers (real also
 *  "NaN", "Infinity", "-Infinity"; integers past 2^53 as decimal strings), boolean as true/false,
 *  json as the JSON value itself, blob as a base64 string. */
export type PortableType = 'text' | 'integer' | 'real' | 'boolean' | 'timestamp' | 'json' | 'blob';

export interface BackupHeader {
  type: 'header';
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The migrations applied to the database the backup was taken from, in order. */
  schemaVersion: string[];
  createdAt: string;
  sourceDialect: Dialect;
}

export interface BackupColumn {
  name: string;
  type: PortableType;
}

export interface TableLine {
  type: 'table';
  name: string;
  columns: BackupColumn[];
  primaryKey: string[];
}

export interface TableEndLine {
  type: 'table-end';
  name: string;
  rows: number;
}

export interface EndLine {
  type: 'end';
  tables: number;
  rows: number;
}

/** The portable type of a column from the type the database declares (SQLite's declared type, or
 *  PostgreSQL's udt_name). */
export function portableType(declared: string): PortableType {
  const t = declared.toLowerCase().trim();
  if (t.startsWith('bool')) return 'boolean';
  if (/^(int|integer|bigint|smallint|tinyint|mediumint|int[248]|serial|bigserial|smallserial)\b/.test(t)) return 'integer';
  if (/^(real|double|float|float[48]|numeric|decimal)\b/.test(t)) return 'real';
  if (/^(timestamp|timestamptz|date|time|timetz)\b/.test(t)) return 'timestamp';
  if (/^jsonb?$/.test(t)) return 'json';
  if (/^(blob|bytea)\b/.test(t)) return 'blob';
  return 'text';
}

const SPECIAL_REALS = new Set(['NaN', 'Infinity', '-Infinity']);

/** A value as the database driver gave it, in its portable form. */
export function encodeValue(type: PortableType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer': {
      if (typeof value === 'boolean') return value ? 1 : 0;
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : String(value);
    }
    case 'real': {
      const n = Number(value);
      return Number.isFinite(n) ? n : String(n);
    }
    case 'boolean':
      return value === true || value === 1 || value === 1n || value === 't' || value === 'true';
    case 'timestamp':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value;
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : value instanceof Uint8Array ? Buffer.from(value).toString('base64') : Buffer.from(String(value)).toString('base64');
    default:
      return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
}

/** Whether a portable value has the shape its column's type promises; the answer is the problem. */
export function checkValue(type: PortableType, value: unknown): string | null {
  if (value === null) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? (Number.isInteger(value) ? null : 'is not an integer') : typeof value === 'string' && /^-?\d+$/.test(value) ? null : 'is not an integer';
    case 'real':
      return typeof value === 'number' || (typeof value === 'string' && SPECIAL_REALS.has(value)) ? null : 'is not a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'is not true or false';
    case 'blob':
      return typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? null : 'is not base64';
    case 'json':
      return null;
    default:
      return typeof value === 'string' ? null : 'is not a string';
  }
}

/** A portable value as a query parameter for a column of `target` type on `dialect`. */
export function decodeValue(source: PortableType, target: PortableType, dialect: Dialect, value: unknown): unknown {
  if (value === null) return null;
  switch (target) {
    case 'boolean': {
      const truth = value === true || value === 1 || value === '1' || value === 'true';
      return dialect === 'sqlite' ? (truth ? 1 : 0) : truth;
    }
    case 'integer':
      return typeof value === 'boolean' ? (value ? 1 : 0) : value;
    case 'real':
      return typeof value === 'string' ? (dialect === 'postgres' ? value : Number(value)) : value;
    case 'json':
      return source === 'json' ? JSON.stringify(value) : value;
    case 'blob':
      return source === 'blob' ? Buffer.from(value as string, 'base64') : Buffer.from(String(value));
    default:
      if (source === 'json') return JSON.stringify(value);
      if (source === 'blob') return Buffer.from(value as string, 'base64').toString('utf8');
      return typeof value === 'string' ? value : String(value);
  }
}
