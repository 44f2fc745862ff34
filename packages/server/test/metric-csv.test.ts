import { describe, expect, it } from 'vitest';
import { parseMetricCsv } from '../src/capabilities/coe/metric-csv';
import type { AppError } from '../src/platform/errors/app-error';

const errorsOf = (text: string, maxRows?: number) => {
  try {
    parseMetricCsv(text, maxRows);
  } catch (e) {
    return (e as AppError).errors ?? [];
  }
  throw new Error('the CSV parsed');
};

describe('metric CSV', () => {
  it('reads a header time,<metric> and rows in time order, with quoted fields, CRLF, a BOM and zones', () => {
    const series = parseMetricCsv('\uFEFF"time","error rate (%)"\r\n2026-11-20T10:00:00Z,0.5\r\n2026-11-20 11:01:00+01:00,"1e2"\r\n2026-11-20T10:02:30.5Z,-3\r\n\r\n');
    expect(series).toEqual({
      name: 'error rate (%)',
      points: [
        { at: '2026-11-20T10:00:00.000Z', value: 0.5 },
        { at: '2026-11-20T10:01:00.000Z', value: 100 },
        { at: '2026-11-20T10:02:30.500Z', value: -3 },
      ],
    });
  });

  it('names the line and column of each fault', () => {
    expect(errorsOf('when,value\n2026-11-20T10:00:00Z,1\n')).toEqual([{ path: 'line 1, column 1 (time)', message: 'is "when"; the first column must be named time' }]);
    expect(errorsOf('time,value\n2026-11-20T10:00:00Z,abc\n2026-11-20,2\n2026-11-20T10:05:00Z,1,9\n')).toEqual([
      { path: 'line 2, column 2 (value)', message: '"abc" is not a number' },
      { path: 'line 3, column 1 (time)', message: '"2026-11-20" is not an ISO 8601 time with a zone, such as 2026-11-20T10:00:00Z' },
      { path: 'line 4', message: 'has 3 columns; expected 2 (time,value)' },
    ]);
    expect(errorsOf('time,value\n2026-11-20T10:00:00Z,1\n2026-11-20T10:00:00Z,2\n')).toEqual([{ path: 'line 3, column 1 (time)', message: 'is not after the time on line 2; rows must be in time order' }]);
    expect(errorsOf('time,value\n2026-11-20T10:00:00Z,1\n\n2026-11-20T10:01:00Z,2\n')).toEqual([{ path: 'line 3', message: 'is empty' }]);
    expect(errorsOf('time,value\n2026-11-20T10:00:00,1\n')[0].path).toBe('line 2, column 1 (time)');
    expect(errorsOf('time,value\n"2026-11-20T10:00:00Z,1\n')).toEqual([{ path: 'line 2', message: 'has a quote that is never closed' }]);
    expect(errorsOf('time,value\n2026-11-20T10:00:00Z,1"0\n')).toEqual([{ path: 'line 2', message: 'has a quote inside unquoted column 2' }]);
    expect(errorsOf('time,value\n2026-11-20T10:00:00Z,Infinity\n')[0].message).toBe('"Infinity" is not a number');
    expect(errorsOf('')).toEqual([{ path: 'line 1', message: 'the CSV is empty; expected a header time,<metric>' }]);
    expect(errorsOf('time,value\n')).toEqual([{ path: 'line 2', message: 'no rows after the header' }]);
  });

  it('refuses more rows than the limit', () => {
    const rows = ['time,value', '2026-11-20T10:00:00Z,1', '2026-11-20T10:01:00Z,2', '2026-11-20T10:02:00Z,3'].join('\n');
    expect(errorsOf(rows, 2)).toEqual([{ path: 'line 4', message: 'the CSV has 3 rows; at most 2 are read' }]);
    expect(parseMetricCsv(rows, 3).points).toHaveLength(3);
  });
});
