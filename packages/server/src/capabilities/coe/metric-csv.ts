import { AppError, type FieldError } from '../../platform/errors/app-error';
import { csvFields as fields } from '../../platform/csv-fields';

/** The most data rows one metric CSV may hold. */
export const METRIC_CSV_MAX_ROWS = 10_000;
const MAX_ERRORS = 20;

export interface MetricSeries {
  /** The value column's header, e.g. errors_per_minute. */
  name: string;
  points: { at: string; value: number }[];
}

const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NAME = /^[\p{L}\p{N}_ .()%/-]{1,60}$/u;

/** Reads a metric as CSV: a header `time,<name>`, then one row per sample with an ISO 8601 time (with
 *  its zone) and a number, times strictly increasing. Every fault is reported by line and column, in a
 *  400; nothing is guessed. */
export function parseMetricCsv(text: string, maxRows = METRIC_CSV_MAX_ROWS): MetricSeries {
  const errors: FieldError[] = [];
  const fail = (line: number, column: number | null, label: string, message: string) =>
    errors.push({ path: column === null ? `line ${line}` : `line ${line}, column ${column} (${label})`, message });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length) throw new AppError('VALIDATION_FAILED', 'line 1: the CSV is empty; expected a header time,<metric>', { errors: [{ path: 'line 1', message: 'the CSV is empty; expected a header time,<metric>' }] });

  let name = 'value';
  const header = fields(lines[0]);
  if (typeof header === 'string') fail(1, null, '', header);
  else if (header.length !== 2) fail(1, null, '', `the header has ${header.length} columns; expected 2: time,<metric>`);
  else {
    if (header[0].trim().toLowerCase() !== 'time') fail(1, 1, 'time', `is "${header[0]}"; the first column must be named time`);
    if (!NAME.test(header[1].trim())) fail(1, 2, 'metric', 'must name the metric: 1 to 60 letters, digits, spaces or _ . ( ) % / -');
    else name = header[1].trim();
  }
  if (lines.length - 1 > maxRows) fail(lines.length, null, '', `the CSV has ${lines.length - 1} rows; at most ${maxRows} are read`);
  if (lines.length === 1) fail(2, null, '', 'no rows after the header');

  const points: MetricSeries['points'] = [];
  let previous: { ms: number; line: number } | null = null;
  for (let k = 1; k < lines.length && errors.length < MAX_ERRORS && lines.length - 1 <= maxRows; k++) {
    const line = k + 1;
    const row = fields(lines[k]);
    if (typeof row === 'string') {
      fail(line, null, '', row);
      continue;
    }
    if (row.length === 1 && row[0].trim() === '') {
      fail(line, null, '', 'is empty');
      continue;
    }
    if (row.length !== 2) {
      fail(line, null, '', `has ${row.length} columns; expected 2 (time,${name})`);
      continue;
    }
    const [rawTime, rawValue] = row.map((f) => f.trim());
    const ms = TIME.test(rawTime) ? Date.parse(rawTime.replace(' ', 'T')) : NaN;
    const value = NUMBER.test(rawValue) ? Number(rawValue) : NaN;
    if (Number.isNaN(ms)) fail(line, 1, 'time', `"${rawTime.slice(0, 40)}" is not an ISO 8601 time with a zone, such as 2026-11-20T10:00:00Z`);
    if (!Number.isFinite(value)) fail(line, 2, name, `"${rawValue.slice(0, 40)}" is not a number`);
    if (Number.isNaN(ms) || !Number.isFinite(value)) continue;
    if (previous && ms <= previous.ms) {
      fail(line, 1, 'time', `is not after the time on line ${previous.line}; rows must be in time order`);
      continue;
    }
    previous = { ms, line };
    points.push({ at: new Date(ms).toISOString(), value });
  }
  if (errors.length) {
    throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  return { name, points };
}
