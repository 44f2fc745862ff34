import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import type { AnalysisRequest, TreatmentResult } from './analysis-types';
import { expectClose } from './expect-close';

const treatment = (request: AnalysisRequest, index = 1): TreatmentResult => {
  const row = analyze(request).variants[index];
  if (row.control) throw new Error('expected a treatment row');
  return row;
};

describe('analyze', () => {
  it('gives one row per variant, the control first and unflagged by statistics', () => {
    const result = analyze({
      engine: 'frequentist',
      metric: 'proportion',
      difference: 'relative',
      weights: [0.34, 0.33, 0.33],
      variants: [
        { name: 'control', n: 500, conversions: 50 },
        { name: 'b', n: 500, conversions: 60 },
        { name: 'c', n: 600, conversions: 66 },
      ],
    });
    expect(result.variants.map((v) => v.name)).toEqual(['control', 'b', 'c']);
    expect(result.variants[0]).toEqual({ name: 'control', control: true, n: 500, mean: 0.1 });
    // SRM from the variant sizes: gbstats check_srm([500, 500, 600], [0.34, 0.33, 0.33]) = 0.000592638
    expectClose(result.srm?.pValue, 0.000592638, 0, 5e-10);
    expect(result.srm?.mismatch).toBe(true);
  });

  it('compares each treatment with the control exactly as a two-variant analysis would', () => {
    const variants = [
      { name: 'control', n: 500, sum: 1000, sumSquares: 2500 },
      { name: 'b', n: 480, sum: 1010, sumSquares: 2600 },
      { name: 'c', n: 510, sum: 980, sumSquares: 2300 },
    ];
    const all = analyze({ engine: 'bayesian', metric: 'mean', difference: 'relative', variants });
    const pair = analyze({ engine: 'bayesian', metric: 'mean', difference: 'relative', variants: [variants[0], variants[2]] });
    expect(all.variants[2]).toEqual(pair.variants[1]);
  });

  it('returns neutral numbers with a warning when the control mean is 0 for a relative effect', () => {
    const row = treatment({
      engine: 'frequentist',
      metric: 'proportion',
      difference: 'relative',
      variants: [
        { name: 'control', n: 100, conversions: 0 },
        { name: 'b', n: 100, conversions: 3 },
      ],
    });
    expect(row).toMatchObject({ effect: 0, se: 0, ci: [0, 0], pValue: 1, warning: 'ZERO_BASELINE' });
  });

  it('still tests an absolute difference when one arm has no variance', () => {
    const row = treatment({
      engine: 'frequentist',
      metric: 'proportion',
      difference: 'absolute',
      variants: [
        { name: 'control', n: 100, conversions: 0 },
        { name: 'b', n: 100, conversions: 3 },
      ],
    });
    expect(row.warning).toBeUndefined();
    expectClose(row.effect, 0.03, 1e-12);
    // Welch with one zero-variance arm: ν = n_b − 1 = 99
    expectClose(row.dof, 99, 1e-12);
  });

  it('warns, rather than failing, when neither arm varies (day one: no conversions anywhere)', () => {
    for (const engine of ['frequentist', 'sequential', 'bayesian'] as const) {
      const row = treatment({
        engine,
        metric: 'proportion',
        difference: 'absolute',
        variants: [
          { name: 'control', n: 100, conversions: 0 },
          { name: 'b', n: 100, conversions: 0 },
        ],
      });
      expect(row.warning).toBe('ZERO_VARIANCE');
      if (engine === 'bayesian') expect(row).toMatchObject({ chanceToWin: 0.5, risk: { control: 0, treatment: 0 } });
      else expect(row.pValue).toBe(1);
    }
  });

  it('warns on a ratio whose denominator sum is 0', () => {
    const result = analyze({
      engine: 'frequentist',
      metric: 'ratio',
      difference: 'absolute',
      variants: [
        { name: 'control', n: 10, numerator: { sum: 5, sumSquares: 5 }, denominator: { sum: 10, sumSquares: 12 }, sumProduct: 6 },
        { name: 'b', n: 10, numerator: { sum: 0, sumSquares: 0 }, denominator: { sum: 0, sumSquares: 0 }, sumProduct: 0 },
      ],
    });
    expect(result.variants[1]).toMatchObject({ mean: null, warning: 'ZERO_DENOMINATOR', pValue: 1 });
  });

  it('shapes one-sided intervals with null on the unbounded side', () => {
    const variants = [
      { name: 'control', n: 200, sum: 400, sumSquares: 1000 },
      { name: 'b', n: 200, sum: 440, sumSquares: 1100 },
    ];
    for (const engine of ['frequentist', 'sequential'] as const) {
      expect(treatment({ engine, metric: 'mean', difference: 'absolute', alternative: 'greater', variants }).ci[1]).toBeNull();
      expect(treatment({ engine, metric: 'mean', difference: 'absolute', alternative: 'less', variants }).ci[0]).toBeNull();
    }
  });

  it('reports a relative effect against |control| so a rise from a negative baseline stays positive', () => {
    const row = treatment({
      engine: 'frequentist',
      metric: 'mean',
      difference: 'relative',
      variants: [
        { name: 'control', n: 100, sum: -1000, sumSquares: 10400 },
        { name: 'b', n: 100, sum: -500, sumSquares: 2900 },
      ],
    });
    expectClose(row.effect, 0.5, 1e-12);
  });
});
