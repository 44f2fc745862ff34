import { expect } from 'vitest';
import { analyze } from './analyze';
import type { AnalysisRequest, TreatmentResult } from './analysis-types';
import { expectClose } from './expect-close';

/** Test support: a reference case is data (request, expected numbers, where they come from), so cases
 *  from GrowthBook, SciPy or a paper can be added without new test code. */

export interface ExpectedNumbers {
  effect?: number;
  se?: number;
  /** null: the interval is unbounded on that side (one-sided test). */
  ciLower?: number | null;
  ciUpper?: number | null;
  pValue?: number;
  dof?: number;
  chanceToWin?: number;
  riskControl?: number;
  riskTreatment?: number;
  theta?: number;
}

export interface ReferenceCase {
  name: string;
  /** Where the expected numbers come from (repository file and test, or the SciPy commands). */
  source: string;
  request: AnalysisRequest;
  expected: ExpectedNumbers;
  /** Compare to this many decimal places (for values published rounded); otherwise `relative`. */
  decimals?: number;
  /** Relative tolerance when `decimals` is not given; default 1e-9. */
  relative?: number;
  /** Which variant row to check; default 1 (the first treatment). */
  row?: number;
}

function actualNumbers(row: TreatmentResult): Record<keyof ExpectedNumbers, number | null | undefined> {
  return {
    effect: row.effect,
    se: row.se,
    ciLower: row.ci[0],
    ciUpper: row.ci[1],
    pValue: row.pValue,
    dof: row.dof,
    chanceToWin: row.chanceToWin,
    riskControl: row.risk?.control,
    riskTreatment: row.risk?.treatment,
    theta: row.theta,
  };
}

export function checkReferenceCase(c: ReferenceCase): void {
  const row = analyze(c.request).variants[c.row ?? 1];
  if (row.control) throw new Error('the row checked must be a treatment');
  expect(row.warning).toBeUndefined();
  const actual = actualNumbers(row);
  for (const [key, expected] of Object.entries(c.expected) as [keyof ExpectedNumbers, number | null][]) {
    const value = actual[key];
    if (expected === null) {
      expect(value, key).toBeNull();
    } else if (c.decimals !== undefined) {
      expectClose(value, expected, 0, 0.5 * 10 ** -c.decimals + 1e-12, key);
    } else {
      expectClose(value, expected, c.relative ?? 1e-9, 1e-15, key);
    }
  }
}
