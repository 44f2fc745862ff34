import { describe, expect, it } from 'vitest';
import { assign, bucketHash, bucketRanges, chooseVariant } from './index';

// Reference values: GrowthBook's SDK conformance cases, growthbook/growthbook packages/sdk-js/test/cases.json
// ("run" cases for hash version 1 with key "my-test"; feature cases for hash version 2).
describe('assignment matches GrowthBook', () => {
  const ids = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  const v1 = (weights?: number[], coverage?: number) =>
    ids.map((id) => chooseVariant(bucketHash('my-test', id, 1), bucketRanges(2, coverage ?? 1, weights)));

  it('hash version 1, default weights ("default weights - 1..9")', () => {
    expect(v1()).toEqual([1, 0, 0, 1, 1, 1, 0, 1, 0]);
  });

  it('hash version 1, weights 0.1/0.9 ("uneven weights - 1..9")', () => {
    expect(v1([0.1, 0.9])).toEqual([1, 1, 0, 1, 1, 1, 0, 1, 1]);
  });

  it('hash version 1, coverage 0.4 ("coverage - 1..8": out, 0, 0, out, 1, out, 0, 1)', () => {
    expect(v1(undefined, 0.4).slice(0, 8)).toEqual([-1, 0, 0, -1, 1, -1, 0, 1]);
  });

  it('hash version 2 buckets', () => {
    expect(bucketHash('experiment', '1', 2)).toBe(0.4413); // "Support holdout groups", rule "experiment"
    expect(bucketHash('holdout', '1', 2)).toBe(0.8043); // same case, rule "holdout"
    expect(bucketHash('feature-exp', 'i123', 2)).toBe(0.9943); // sticky-bucketing cases
    expect(bucketHash('feature-exp', 'd123', 2)).toBe(0.6468);
  });

  it('assigns the third of three variants for bucket 0.9943 with weights 0.3334/0.3333/0.3333', () => {
    const a = assign({ key: 'feature-exp', variants: [{ name: 'control', weight: 0.3334 }, { name: 'red', weight: 0.3333 }, { name: 'blue', weight: 0.3333 }] }, 'i123');
    expect(a).toEqual({ variant: 'blue', index: 2, hash: 0.9943 });
  });

  it('keeps users in their variant when coverage grows', () => {
    const exp = { key: 'grow', variants: [{ name: 'a', weight: 0.5 }, { name: 'b', weight: 0.5 }] };
    for (let i = 0; i < 500; i++) {
      const small = assign({ ...exp, coverage: 0.3 }, `u${i}`);
      if (small.index >= 0) expect(assign({ ...exp, coverage: 0.8 }, `u${i}`).index).toBe(small.index);
    }
  });
});
