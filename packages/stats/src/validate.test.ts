import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import type { AnalysisRequest } from './analysis-types';
import { StatsInputError } from './stats-input-error';

/** Every rejected input throws StatsInputError with the path of the field at fault. */

const mean = (over: Record<string, unknown> = {}) => ({ name: 'a', n: 100, sum: 50, sumSquares: 100, ...over });
const base = (over: Record<string, unknown> = {}): AnalysisRequest =>
  ({
    engine: 'frequentist',
    metric: 'mean',
    difference: 'absolute',
    variants: [mean(), mean({ name: 'b' })],
    ...over,
  }) as AnalysisRequest;

const ratio = (over: Record<string, unknown> = {}) => ({
  name: 'r',
  n: 100,
  numerator: { sum: 200, sumSquares: 600 },
  denominator: { sum: 100, sumSquares: 150 },
  sumProduct: 250,
  ...over,
});

const cases: { name: string; request: unknown; path: string }[] = [
  { name: 'not an object', request: null, path: 'request' },
  { name: 'unknown engine', request: base({ engine: 'magic' }), path: 'engine' },
  { name: 'unknown metric', request: base({ metric: 'median' }), path: 'metric' },
  { name: 'unknown difference', request: base({ difference: 'ratio' }), path: 'difference' },
  { name: 'alpha 0', request: base({ alpha: 0 }), path: 'alpha' },
  { name: 'alpha 1', request: base({ alpha: 1 }), path: 'alpha' },
  { name: 'alpha NaN', request: base({ alpha: Number.NaN }), path: 'alpha' },
  { name: 'one-sided sequential alpha ≥ 0.5', request: base({ engine: 'sequential', alternative: 'less', alpha: 0.6 }), path: 'alpha' },
  { name: 'unknown alternative', request: base({ alternative: 'both' }), path: 'alternative' },
  { name: 'tuning 0', request: base({ sequentialTuning: 0 }), path: 'sequentialTuning' },
  { name: 'prior variance 0', request: base({ prior: { mean: 0, variance: 0 } }), path: 'prior.variance' },
  { name: 'prior mean Infinity', request: base({ prior: { mean: Infinity, variance: 1 } }), path: 'prior.mean' },
  { name: 'one variant', request: base({ variants: [mean()] }), path: 'variants' },
  { name: 'n < 2', request: base({ variants: [mean(), mean({ name: 'b', n: 1 })] }), path: 'variants[1].n' },
  { name: 'n not whole', request: base({ variants: [mean({ n: 10.5 }), mean({ name: 'b' })] }), path: 'variants[0].n' },
  { name: 'name missing', request: base({ variants: [mean({ name: '' }), mean({ name: 'b' })] }), path: 'variants[0].name' },
  { name: 'duplicate names', request: base({ variants: [mean(), mean()] }), path: 'variants[1].name' },
  { name: 'negative sum of squares', request: base({ variants: [mean(), mean({ name: 'b', sumSquares: -1 })] }), path: 'variants[1].sumSquares' },
  {
    name: 'sums imply a negative variance',
    request: base({ variants: [mean(), mean({ name: 'b', sum: 500, sumSquares: 100 })] }),
    path: 'variants[1].sumSquares',
  },
  { name: 'sum not finite', request: base({ variants: [mean({ sum: Infinity }), mean({ name: 'b' })] }), path: 'variants[0].sum' },
  { name: 'sum a string', request: base({ variants: [mean({ sum: '50' }), mean({ name: 'b' })] }), path: 'variants[0].sum' },
  {
    name: 'conversions > n',
    request: base({ metric: 'proportion', variants: [{ name: 'a', n: 10, conversions: 11 }, { name: 'b', n: 10, conversions: 1 }] }),
    path: 'variants[0].conversions',
  },
  {
    name: 'negative conversions',
    request: base({ metric: 'proportion', variants: [{ name: 'a', n: 10, conversions: 1 }, { name: 'b', n: 10, conversions: -1 }] }),
    path: 'variants[1].conversions',
  },
  {
    name: 'ratio cross-product beyond Cauchy–Schwarz',
    request: base({ metric: 'ratio', variants: [ratio(), ratio({ name: 's', sumProduct: 5000 })] }),
    path: 'variants[1].sumProduct',
  },
  {
    name: 'ratio denominator sums inconsistent',
    request: base({ metric: 'ratio', variants: [ratio(), ratio({ name: 's', denominator: { sum: 100, sumSquares: 50 } })] }),
    path: 'variants[1].denominator.sumSquares',
  },
  {
    name: 'covariate on some variants only',
    request: base({ variants: [mean({ covariate: { sum: 10, sumSquares: 10, sumProduct: 5 } }), mean({ name: 'b' })] }),
    path: 'variants[1].covariate',
  },
  {
    name: 'covariate product beyond Cauchy–Schwarz',
    request: base({
      variants: [mean({ covariate: { sum: 10, sumSquares: 10, sumProduct: 5 } }), mean({ name: 'b', covariate: { sum: 10, sumSquares: 10, sumProduct: 500 } })],
    }),
    path: 'variants[1].covariate.sumProduct',
  },
  {
    name: 'mean covariate without sum of squares',
    request: base({
      variants: [mean({ covariate: { sum: 10, sumProduct: 5 } }), mean({ name: 'b', covariate: { sum: 10, sumSquares: 10, sumProduct: 5 } })],
    }),
    path: 'variants[0].covariate.sumSquares',
  },
  {
    name: '0/1 covariate with sum above n',
    request: base({
      metric: 'proportion',
      variants: [
        { name: 'a', n: 10, conversions: 3, covariate: { sum: 11, sumProduct: 2 } },
        { name: 'b', n: 10, conversions: 3, covariate: { sum: 5, sumProduct: 2 } },
      ],
    }),
    path: 'variants[0].covariate.sum',
  },
  { name: 'weights not summing to 1', request: base({ weights: [0.5, 0.4] }), path: 'weights' },
  { name: 'weights wrong length', request: base({ weights: [1] }), path: 'weights' },
  { name: 'negative weight', request: base({ weights: [1.5, -0.5] }), path: 'weights[1]' },
];

describe('input validation', () => {
  it.each(cases)('$name → $path', ({ request, path }) => {
    let thrown: unknown;
    try {
      analyze(request as AnalysisRequest);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StatsInputError);
    expect((thrown as StatsInputError).path).toBe(path);
    expect((thrown as StatsInputError).detail.length).toBeGreaterThan(0);
  });

  it('tolerates rounding in the sums of a constant metric (variance 0, not an error)', () => {
    // 0.1 × 3 users: Σx = 0.30000000000000004, Σx² = 0.030000000000000006 — exact variance 0
    const request = base({
      variants: [
        { name: 'a', n: 3, sum: 0.1 + 0.1 + 0.1, sumSquares: 0.01 + 0.01 + 0.01 },
        { name: 'b', n: 3, sum: 0.1 + 0.1 + 0.1, sumSquares: 0.01 + 0.01 + 0.01 },
      ],
    });
    const row = analyze(request).variants[1];
    expect(row.control).toBe(false);
    if (!row.control) expect(row.warning).toBe('ZERO_VARIANCE');
  });
});
