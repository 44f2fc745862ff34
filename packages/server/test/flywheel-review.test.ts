import { describe, expect, it } from 'vitest';
import { buildReview, percentChange, reviewWeeksNeeded } from '../src/capabilities/flywheel/flywheel-review';
import { checkLoop } from '../src/capabilities/flywheel/flywheel-loop';
import { addWeeks, mondayOf, weekProblem } from '../src/capabilities/flywheel/flywheel-weeks';
import { checkRows, csvRows } from '../src/capabilities/flywheel/flywheel-rows';

// Reference values below are worked by hand: change = (current − earlier) / |earlier| × 100, one decimal.
describe('percent changes', () => {
  it('matches hand-computed changes and says n/a (null) for a missing or zero earlier value', () => {
    expect(percentChange(110, 100)).toBe(10); // 10 / 100
    expect(percentChange(99, 110)).toBe(-10); // −11 / 110
    expect(percentChange(120, 97)).toBe(23.7); // 23 / 97 = 0.23711…
    expect(percentChange(1, 3)).toBe(-66.7); // −2 / 3 = −0.6666…
    expect(percentChange(5, -10)).toBe(150); // 15 / |−10|
    expect(percentChange(1, 0)).toBeNull();
    expect(percentChange(null, 3)).toBeNull();
    expect(percentChange(3, null)).toBeNull();
  });
});

describe('weeks', () => {
  it('names weeks by their Monday and explains any other day', () => {
    expect(mondayOf(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-23'); // a Thursday
    expect(mondayOf(new Date('2026-11-29T10:00:00Z'))).toBe('2026-11-23'); // a Sunday ends the ISO week
    expect(mondayOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(addWeeks('2026-11-16', -52)).toBe('2025-11-17');
    expect(addWeeks('2024-12-30', 1)).toBe('2025-01-06');
    expect(weekProblem('2026-11-16')).toBeNull();
    expect(weekProblem('2026-11-18')).toBe('2026-11-18 is a Wednesday; weeks start on Monday (2026-11-16)');
    expect(weekProblem('2026-02-30')).toBe('"2026-02-30" is not a date YYYY-MM-DD');
    expect(weekProblem('16/11/2026')).toBe('"16/11/2026" is not a date YYYY-MM-DD');
  });
});

describe('the weekly review', () => {
  // traffic: week of 2026-10-05: 100, 10-12: 110, 10-19: 99, 10-26: missing, 11-02: 120, 11-09: 0, 11-16: 50;
  // a year earlier (52 weeks back): 2025-10-13: 88, 2025-10-20: 90, 2025-11-03: 97, 2025-11-17: 40.
  const values = new Map<string, number>([
    ['2026-10-05', 100], ['2026-10-12', 110], ['2026-10-19', 99], ['2026-11-02', 120], ['2026-11-09', 0], ['2026-11-16', 50],
    ['2025-10-13', 88], ['2025-10-20', 90], ['2025-11-03', 97], ['2025-11-17', 40],
  ]);
  const review = buildReview('payments', '2026-11-16', [{ key: 'traffic', name: 'Traffic', unit: 'visits', kind: 'output' }], (_m, w) => values.get(w) ?? null);

  it('shows six weeks ending with the week under review, and the same weeks 52 weeks earlier', () => {
    expect(review.weeks).toEqual(['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    expect(review.yearAgoWeeks).toEqual(['2025-10-13', '2025-10-20', '2025-10-27', '2025-11-03', '2025-11-10', '2025-11-17']);
    expect(reviewWeeksNeeded('2026-11-16')).toEqual([
      '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16',
      '2025-10-13', '2025-10-20', '2025-10-27', '2025-11-03', '2025-11-10', '2025-11-17',
    ]);
  });

  it('computes week-over-week and year-over-year changes by hand', () => {
    const weeks = review.metrics[0].weeks;
    expect(weeks.map((w) => w.value)).toEqual([110, 99, null, 120, 0, 50]);
    // 110/100 → +10; 99/110 → −10; missing; previous missing; 0/120 → −100; previous zero.
    expect(weeks.map((w) => w.weekOverWeek)).toEqual([10, -10, null, null, -100, null]);
    expect(weeks.map((w) => w.yearAgoValue)).toEqual([88, 90, null, 97, null, 40]);
    // 110/88 → +25; 99/90 → +10; missing; 120/97 → +23.7; missing; 50/40 → +25.
    expect(weeks.map((w) => w.yearOverYear)).toEqual([25, 10, null, 23.7, null, 25]);
  });
});

describe('the loop', () => {
  const amazon = [
    { key: 'customer-experience', next: 'traffic' },
    { key: 'traffic', next: 'sellers' },
    { key: 'sellers', next: 'selection' },
    { key: 'selection', next: 'customer-experience' },
    { key: 'lower-cost-structure', next: 'lower-prices' },
    { key: 'lower-prices', next: 'customer-experience' },
  ];

  it("finds Amazon's loop in order with its cost-structure spur off it", () => {
    const shape = checkLoop(amazon);
    expect(Array.isArray(shape)).toBe(false);
    if (Array.isArray(shape)) return;
    expect(shape.loop).toEqual(['customer-experience', 'traffic', 'sellers', 'selection']);
    expect([...shape.onLoop].sort()).toEqual(['customer-experience', 'selection', 'sellers', 'traffic']);
  });

  it('refuses unknown, self and duplicate arrows and a second loop, naming the field', () => {
    expect(checkLoop([{ key: 'a', next: 'b' }, { key: 'b', next: 'c' }])).toEqual([{ path: 'metrics.1.next', message: '"c" is not a metric of this flywheel' }]);
    expect(checkLoop([{ key: 'a', next: 'a' }, { key: 'b', next: 'a' }])).toEqual([{ path: 'metrics.0.next', message: 'must name another metric; a metric cannot drive itself' }]);
    expect(checkLoop([{ key: 'a', next: 'b' }, { key: 'a', next: 'b' }, { key: 'b', next: 'a' }])).toEqual([{ path: 'metrics.1.key', message: '"a" is already the key of metrics.0' }]);
    expect(checkLoop([{ key: 'a', next: 'b' }, { key: 'b', next: 'a' }, { key: 'c', next: 'd' }, { key: 'd', next: 'c' }])).toEqual([
      { path: 'metrics.2.next', message: 'makes a second loop (c → d → c); a flywheel has one loop, and every other metric feeds into it' },
    ]);
  });
});

describe('upload rows', () => {
  it('reports each bad CSV row by its line and keeps the good ones', () => {
    const { rows, rejected } = csvRows('metric,week,value\r\ntraffic,2026-11-16,50\ntraffic,2026-11-16\n"sellers,2026-11-16,3\nselection,2026-11-18,4\nselection,2026-11-16,x\nprices,2026-11-16,1\ntraffic,2026-11-16,51\n\n');
    expect(rejected).toEqual([
      { row: 'line 3', line: 3, field: null, message: 'has 2 columns; expected 3 (metric,week,value)' },
      { row: 'line 4', line: 4, field: null, message: 'has a quote that is never closed' },
    ]);
    const checked = checkRows(rows, new Set(['traffic', 'sellers', 'selection']));
    expect(checked.good).toEqual([{ metric: 'traffic', week: '2026-11-16', value: 50 }]);
    expect(checked.rejected).toEqual([
      { row: 'line 5', line: 5, field: 'week', message: '2026-11-18 is a Wednesday; weeks start on Monday (2026-11-16)' },
      { row: 'line 6', line: 6, field: 'value', message: '"x" is not a number' },
      { row: 'line 7', line: 7, field: 'metric', message: '"prices" is not a metric of this flywheel' },
      { row: 'line 8', line: 8, field: 'week', message: 'traffic for 2026-11-16 is already on line 2' },
    ]);
  });

  it('refuses a file without the metric,week,value header as a whole', () => {
    expect(() => csvRows('time,value\n2026-11-16,1\n')).toThrow('line 1: the header must be metric,week,value');
    expect(() => csvRows('')).toThrow('the CSV is empty');
  });
});
