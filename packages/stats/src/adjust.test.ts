import { describe, expect, it } from 'vitest';
import { adjust } from './adjust';
import { expectClose } from './expect-close';
import { StatsInputError } from './stats-input-error';

// The fifteen p-values of Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57(1), 289–300, worked example.
const bh1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0];

describe('Benjamini–Hochberg', () => {
  it('matches scipy.stats.false_discovery_control on the BH (1995) example', () => {
    // scipy 1.17.1: stats.false_discovery_control(p, method='bh')
    const expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.07650000000000001, 0.486, 0.5811818181818181, 0.7148749999999999, 0.7532307692307693, 0.8132142857142857, 1.0];
    adjust('benjamini-hochberg', bh1995).forEach((v, i) => expectClose(v, expected[i], 1e-12));
    // BH (1995): at q* = 0.05 the first four hypotheses are rejected
    expect(adjust('benjamini-hochberg', bh1995).filter((p) => p <= 0.05)).toHaveLength(4);
  });

  it('keeps the original order', () => {
    // scipy 1.17.1: stats.false_discovery_control([0.04, 0.001, 0.03, 0.2, 0.01, 0.03], method='bh')
    const expected = [0.048, 0.006, 0.045, 0.2, 0.03, 0.045];
    adjust('benjamini-hochberg', [0.04, 0.001, 0.03, 0.2, 0.01, 0.03]).forEach((v, i) => expectClose(v, expected[i], 1e-12));
  });
});

describe('Holm', () => {
  it('matches the step-down definition worked by hand, in the original order', () => {
    // Holm (1979): sorted 0.001·6 = 0.006, 0.01·5 = 0.05, 0.03·4 = 0.12, 0.03·3 = 0.09 → 0.12 (running max),
    // 0.04·2 = 0.08 → 0.12, 0.2·1 = 0.2
    const expected = [0.12, 0.006, 0.12, 0.2, 0.05, 0.12];
    adjust('holm', [0.04, 0.001, 0.03, 0.2, 0.01, 0.03]).forEach((v, i) => expectClose(v, expected[i], 1e-12));
  });

  it('on the BH (1995) p-values rejects only the first three at 0.05', () => {
    // by hand: 0.0001·15 = 0.0015, 0.0004·14 = 0.0056, 0.0019·13 = 0.0247, 0.0095·12 = 0.114, …
    const adjusted = adjust('holm', bh1995);
    [0.0015, 0.0056, 0.0247, 0.114].forEach((v, i) => expectClose(adjusted[i], v, 1e-12));
    expect(adjusted.filter((p) => p <= 0.05)).toHaveLength(3);
  });
});

describe('adjust input', () => {
  it('rejects p-values outside [0, 1] naming the index', () => {
    expect(() => adjust('holm', [0.1, 1.2])).toThrow(StatsInputError);
    try {
      adjust('holm', [0.1, Number.NaN]);
    } catch (e) {
      expect((e as StatsInputError).path).toBe('pValues[1]');
    }
  });
  it('rejects an unknown method', () => {
    expect(() => adjust('bonferroni' as never, [0.1])).toThrow(/method/);
  });
  it('accepts an empty list', () => {
    expect(adjust('benjamini-hochberg', [])).toEqual([]);
  });
});
