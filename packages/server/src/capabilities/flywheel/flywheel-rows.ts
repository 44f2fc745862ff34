import type { FlywheelRejectedRow } from '@dayone/contracts';
import { AppError } from '../../platform/errors/app-error';
import { csvFields } from '../../platform/csv-fields';
import { weekProblem } from './flywheel-weeks';

/** The most rows one upload may hold, as CSV or JSON. */
export const FLYWHEEL_MAX_ROWS = 10_000;

/** One row of an upload before it is checked: where it came from, and its three fields as sent. */
export interface CandidateRow {
  row: string;
  line: number | null;
  metric: string;
  week: string;
  value: number | string;
}

export interface GoodRow {
  metric: string;
  week: string;
  value: number;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Rows of a JSON upload, each named by its place in the list. */
export const jsonRows = (values: { metric: string; week: string; value: number }[]): CandidateRow[] =>
  values.map((v, i) => ({ row: `values.${i}`, line: null, ...v }));

/** Reads a CSV upload with the header metric,week,value. A header that is not that refuses the whole
 *  file (no row could be read); a row that cannot be split into three fields is rejected by its line. */
export function csvRows(text: string): { rows: CandidateRow[]; rejected: FlywheelRejectedRow[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const header = lines.length ? csvFields(lines[0]) : '';
  const names = typeof header === 'string' ? null : header.map((h) => h.trim().toLowerCase()).join(',');
  if (names !== 'metric,week,value') {
    const message = lines.length ? 'the header must be metric,week,value' : 'the CSV is empty; expected the header metric,week,value';
    throw new AppError('VALIDATION_FAILED', `line 1: ${message}`, { errors: [{ path: 'line 1', message }] });
  }
  if (lines.length - 1 > FLYWHEEL_MAX_ROWS) {
    const message = `the CSV has ${lines.length - 1} rows; at most ${FLYWHEEL_MAX_ROWS} are read at once`;
    throw new AppError('VALIDATION_FAILED', message, { errors: [{ path: `line ${lines.length}`, message }] });
  }
  const rows: CandidateRow[] = [];
  const rejected: FlywheelRejectedRow[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = k + 1;
    const fields = csvFields(lines[k]);
    const reject = (message: string) => rejected.push({ row: `line ${line}`, line, field: null, message });
    if (typeof fields === 'string') reject(fields);
    else if (fields.length === 1 && fields[0].trim() === '') reject('is empty');
    else if (fields.length !== 3) reject(`has ${fields.length} columns; expected 3 (metric,week,value)`);
    else rows.push({ row: `line ${line}`, line, metric: fields[0].trim(), week: fields[1].trim(), value: fields[2].trim() });
  }
  return { rows, rejected };
}

/** Checks each row against the flywheel: a metric it has, a week's Monday, a finite number, and no
 *  metric and week twice in one upload. Returns the good rows and every fault by row and field. */
export function checkRows(rows: CandidateRow[], metricKeys: Set<string>): { good: GoodRow[]; rejected: FlywheelRejectedRow[] } {
  const good: GoodRow[] = [];
  const rejected: FlywheelRejectedRow[] = [];
  const seen = new Map<string, string>();
  for (const r of rows) {
    const faults: { field: string; message: string }[] = [];
    if (!metricKeys.has(r.metric)) faults.push({ field: 'metric', message: r.metric ? `"${r.metric.slice(0, 40)}" is not a metric of this flywheel` : 'is empty' });
    const week = weekProblem(r.week);
    if (week) faults.push({ field: 'week', message: week });
    const value = typeof r.value === 'number' ? r.value : NUMBER.test(r.value) ? Number(r.value) : NaN;
    if (!Number.isFinite(value)) faults.push({ field: 'value', message: `"${String(r.value).slice(0, 40)}" is not a number` });
    if (!faults.length) {
      const key = `${r.metric}|${r.week}`;
      if (seen.has(key)) faults.push({ field: 'week', message: `${r.metric} for ${r.week} is already on ${seen.get(key)}` });
      else seen.set(key, r.row);
    }
    if (faults.length) rejected.push(...faults.map((f) => ({ row: r.row, line: r.line, field: f.field, message: f.message })));
    else good.push({ metric: r.metric, week: r.week, value });
  }
  return { good, rejected };
}

/** The refusal of an upload with bad rows when only a whole import was asked for. */
export function rejectedError(rejected: FlywheelRejectedRow[]): AppError {
  const errors = rejected.map((r) => ({ path: r.field ? (r.line === null ? `${r.row}.${r.field}` : `${r.row} (${r.field})`) : r.row, message: r.message }));
  const rows = new Set(rejected.map((r) => r.row)).size;
  return new AppError('VALIDATION_FAILED', `${rows} row(s) are bad, so nothing was imported (send ?partial=true to import the good rows): ${errors.slice(0, 20).map((e) => `${e.path}: ${e.message}`).join('; ')}`, {
    errors,
    extensions: { rejected },
  });
}
