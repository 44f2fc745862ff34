import { expect } from 'vitest';

/** Test helper: |actual − expected| ≤ rel·|expected| + abs. */
export function expectClose(actual: number | null | undefined, expected: number, rel = 1e-10, abs = 0, label = ''): void {
  expect(actual, label).toBeTypeOf('number');
  const a = actual as number;
  const tolerance = rel * Math.abs(expected) + abs;
  if (!(Math.abs(a - expected) <= tolerance)) {
    expect.fail(`${label ? `${label}: ` : ''}expected ${a} to be within ${tolerance} of ${expected} (difference ${Math.abs(a - expected)})`);
  }
}

/** Test helper for values published rounded to `decimals` places: they must round to the same. */
export function expectRounded(actual: number | null | undefined, expected: number, decimals = 5): void {
  expectClose(actual, expected, 0, 0.5 * 10 ** -decimals + 1e-12);
}
