import { describe, expect, it } from 'vitest';
import { expectClose } from './expect-close';
import { srm } from './srm';
import { StatsInputError } from './stats-input-error';

describe('srm', () => {
  // SciPy 1.17.1: stats.chisquare(observed, f_exp=sum(observed)*weights) (weight-0 variants dropped)
  const cases = [
    { observed: [5000, 5150, 4900], weights: [1 / 3, 1 / 3, 1 / 3], chiSquare: 6.312292358803988, pValue: 0.042589557732617786 },
    { observed: [12, 30], weights: [0.3, 0.7], chiSquare: 0.04081632653061227, pValue: 0.8398928732712688 },
    { observed: [500, 500, 600], weights: [0.34, 0.33, 0.33], chiSquare: 14.861853832442067, pValue: 0.0005926379315273186 },
  ];
  it.each(cases)('chisquare($observed, $weights) (scipy)', ({ observed, weights, chiSquare, pValue }) => {
    const r = srm(observed, weights);
    expectClose(r.chiSquare, chiSquare, 1e-12);
    expectClose(r.pValue, pValue, 1e-10);
    expect(r.degreesOfFreedom).toBe(observed.length - 1);
  });

  it('flags a mismatch below 0.001 only', () => {
    expect(srm([500, 500, 600], [0.34, 0.33, 0.33]).mismatch).toBe(true); // p = 0.00059
    expect(srm([5000, 5150, 4900], [1 / 3, 1 / 3, 1 / 3]).mismatch).toBe(false); // p = 0.043
    expect(srm([5000, 5150, 4900], [1 / 3, 1 / 3, 1 / 3], 0.05).mismatch).toBe(true);
  });

  it('leaves weight-0 variants out, and needs two weighted variants', () => {
    expect(srm([1000, 900, 800], [1, 0, 0])).toEqual({ chiSquare: 0, degreesOfFreedom: 0, pValue: 1, mismatch: false });
    expect(srm([1000, 1200, 900], [0.5, 0.5, 0]).degreesOfFreedom).toBe(1);
  });

  it('rejects weights that do not sum to 1, naming the field', () => {
    const pathOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(StatsInputError);
        return (e as StatsInputError).path;
      }
      return undefined;
    };
    expect(pathOf(() => srm([10, 10], [0.5, 0.4]))).toBe('weights');
    expect(pathOf(() => srm([10, 10], [0.5]))).toBe('weights');
    expect(pathOf(() => srm([10, 10], [1.5, -0.5]))).toBe('weights[1]');
    expect(pathOf(() => srm([10, -1], [0.5, 0.5]))).toBe('observed[1]');
    expect(pathOf(() => srm([10, 2.5], [0.5, 0.5]))).toBe('observed[1]');
  });
});
