import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjust } from './adjust';
import { analyze } from './analyze';
import type { AnalysisRequest, Engine, MeanVariant, ProportionVariant, TreatmentResult } from './analysis-types';
import { srm } from './srm';
import { StatsInputError } from './stats-input-error';
import { studentTCdf, studentTQuantile } from './student-t-distribution';

// Reproducible by default (the same 500 cases on every run); FC_SEED=random explores new ones.
if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });

/** Property tests (fast-check) over valid inputs. */

const meanVariant = (name: string) =>
  fc
    .record({
      n: fc.integer({ min: 2, max: 1_000_000 }),
      mean: fc.double({ min: -1000, max: 1000, noNaN: true }),
      sd: fc.double({ min: 0.001, max: 100, noNaN: true }),
    })
    .map(({ n, mean, sd }): MeanVariant => ({ name, n, sum: n * mean, sumSquares: (n - 1) * sd * sd + n * mean * mean }));

const proportionVariant = (name: string) =>
  fc
    .integer({ min: 2, max: 1_000_000 })
    .chain((n) => fc.integer({ min: 0, max: n }).map((conversions): ProportionVariant => ({ name, n, conversions })));

const engine = fc.constantFrom<Engine>('frequentist', 'bayesian', 'sequential');
const alternative = fc.constantFrom('two-sided' as const, 'greater' as const, 'less' as const);

const request = fc.oneof(
  fc.record({
    engine,
    metric: fc.constant('mean' as const),
    difference: fc.constantFrom('relative' as const, 'absolute' as const),
    alternative,
    alpha: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
    variants: fc.tuple(meanVariant('control'), meanVariant('treatment')),
  }),
  fc.record({
    engine,
    metric: fc.constant('proportion' as const),
    difference: fc.constantFrom('relative' as const, 'absolute' as const),
    alternative,
    alpha: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
    variants: fc.tuple(proportionVariant('control'), proportionVariant('treatment')),
  }),
) as fc.Arbitrary<AnalysisRequest>;

const row = (r: AnalysisRequest): TreatmentResult => {
  const v = analyze(r).variants[1];
  if (v.control) throw new Error('expected a treatment row');
  return v;
};

const finiteEverywhere = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : Array.isArray(value)
      ? value.every(finiteEverywhere)
      : typeof value === 'object' && value !== null
        ? Object.values(value).every(finiteEverywhere)
        : true;

describe('analysis properties', () => {
  it('never returns NaN or Infinity', () => {
    fc.assert(fc.property(request, (r) => finiteEverywhere(analyze(r))), { numRuns: 500 });
  });

  it('answers a relative lift over a baseline indistinguishable from zero with a warning (a case fast-check found)', () => {
    const r = analyze({
      engine: 'sequential',
      metric: 'mean',
      difference: 'relative',
      alpha: 0.001,
      variants: [
        { name: 'control', n: 2, sum: 2.108439588646105e-81, sumSquares: 0.000001 },
        { name: 'treatment', n: 2, sum: 0.0000018301011237838365, sumSquares: 0.0000010000016746350616 },
      ],
    }).variants[1];
    expect(r.control ? null : r.warning).toBe('ZERO_BASELINE');
  });

  it('the interval contains the effect, on the side(s) it bounds', () => {
    fc.assert(
      fc.property(request, (r) => {
        const { ci, effect } = row(r);
        const [lower, upper] = ci;
        if (lower !== null) expect(lower).toBeLessThanOrEqual(effect);
        if (upper !== null) expect(upper).toBeGreaterThanOrEqual(effect);
        expect(lower !== null || upper !== null).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('p-values, chances to win and risks are in range', () => {
    fc.assert(
      fc.property(request, (r) => {
        const v = row(r);
        if (v.pValue !== undefined) {
          expect(v.pValue).toBeGreaterThanOrEqual(0);
          expect(v.pValue).toBeLessThanOrEqual(1);
        }
        if (v.chanceToWin !== undefined) {
          expect(v.chanceToWin).toBeGreaterThanOrEqual(0);
          expect(v.chanceToWin).toBeLessThanOrEqual(1);
          expect(v.risk!.control).toBeGreaterThanOrEqual(0);
          expect(v.risk!.treatment).toBeGreaterThanOrEqual(0);
        }
        expect(v.se).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('swapping control and treatment flips an absolute effect and keeps the two-sided p-value', () => {
    fc.assert(
      fc.property(request, (r) => {
        const forward: AnalysisRequest = { ...r, difference: 'absolute', alternative: 'two-sided' };
        const [a, b] = r.variants;
        const backward: AnalysisRequest = { ...forward, variants: [{ ...b, name: 'control' }, { ...a, name: 'treatment' }] };
        const f = row(forward);
        const g = row(backward);
        expect(g.effect === -f.effect).toBe(true); // === so that 0 and −0 count as equal
        if (f.warning) return;
        if (f.pValue !== undefined) expect(Math.abs(g.pValue! - f.pValue)).toBeLessThanOrEqual(1e-12 * f.pValue);
        if (f.chanceToWin !== undefined) expect(Math.abs(g.chanceToWin! - (1 - f.chanceToWin))).toBeLessThan(1e-12);
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostile input', () => {
  const number = fc.oneof(
    fc.double(),
    fc.integer({ min: -5, max: 1_000_000 }),
    fc.constantFrom(0, 1, 2, -0, 1e308, -1e308, 5e-324, Number.NaN, Infinity, -Infinity),
  );
  const sums = fc.record({ sum: number, sumSquares: fc.oneof(fc.double({ min: 0, max: 1e300, noNaN: true }), number) });
  const anyVariant = (name: string) =>
    fc.record(
      {
        name: fc.constant(name),
        n: fc.oneof(fc.integer({ min: 2, max: 50 }), number),
        sum: number,
        sumSquares: number,
        conversions: number,
        numerator: sums,
        denominator: sums,
        sumProduct: number,
        covariate: fc.record({ sum: number, sumSquares: number, sumProduct: number }),
      },
      { requiredKeys: ['name', 'n'] },
    );
  const hostile = fc.record({
    engine,
    metric: fc.constantFrom('mean' as const, 'proportion' as const, 'ratio' as const),
    difference: fc.constantFrom('relative' as const, 'absolute' as const),
    alternative,
    prior: fc.option(fc.record({ mean: number, variance: number }), { nil: undefined }),
    variants: fc.tuple(anyVariant('control'), anyVariant('treatment')),
  });

  it('either throws StatsInputError or returns only finite numbers', () => {
    fc.assert(
      fc.property(hostile, (r) => {
        try {
          expect(finiteEverywhere(analyze(r as unknown as AnalysisRequest))).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(StatsInputError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('adjustment properties', () => {
  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });

  it.each(['holm', 'benjamini-hochberg'] as const)('%s: raw ≤ adjusted ≤ 1 and order-preserving', (method) => {
    fc.assert(
      fc.property(pValues, (ps) => {
        const adjusted = adjust(method, ps);
        expect(adjusted).toHaveLength(ps.length);
        ps.forEach((p, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(p);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          ps.forEach((q, j) => {
            if (p <= q) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
          });
        });
      }),
    );
  });

  it('Benjamini–Hochberg never exceeds Holm', () => {
    fc.assert(
      fc.property(pValues, (ps) => {
        const bh = adjust('benjamini-hochberg', ps);
        const holm = adjust('holm', ps);
        bh.forEach((v, i) => expect(v).toBeLessThanOrEqual(holm[i] + 1e-15));
      }),
    );
  });
});

describe('SRM properties', () => {
  it('p-value in [0, 1] for any counts and weights', () => {
    const input = fc.integer({ min: 2, max: 6 }).chain((k) =>
      fc.record({
        observed: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: k, maxLength: k }),
        raw: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: k, maxLength: k }).filter((w) => w.some((x) => x > 0)),
      }),
    );
    fc.assert(
      fc.property(input, ({ observed, raw }) => {
        const total = raw.reduce((a, b) => a + b, 0);
        const weights = raw.map((w) => w / total);
        const r = srm(observed, weights);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.mismatch).toBe(r.pValue < 0.001);
      }),
    );
  });
});

describe('distribution properties', () => {
  it('the t quantile inverts the t CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          const back = studentTCdf(t, df);
          const tail = Math.min(p, 1 - p);
          expect(Math.abs(back - p)).toBeLessThanOrEqual(1e-9 * tail + 1e-16);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
