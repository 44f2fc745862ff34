import { analyze } from './analyze';
import type { AnalysisRequest } from './analysis-types';

/** Micro-benchmark: two-variant frequentist analyses (relative lift, half mean and half proportion
 *  metrics, a different request each time round a pool of 64) on one core. Returns analyses per second;
 *  the product target is ≥ 50,000. */
export function benchEngine(iterations = 200_000): number {
  const pool: AnalysisRequest[] = [];
  for (let i = 0; i < 64; i++) {
    const nA = 10_000 + 37 * i;
    const nB = 10_000 + 53 * i;
    if (i % 2 === 0) {
      const meanA = 3 + i / 100;
      const meanB = meanA * (1 + (i - 32) / 1000);
      pool.push({
        engine: 'frequentist',
        metric: 'mean',
        difference: 'relative',
        variants: [
          { name: 'control', n: nA, sum: meanA * nA, sumSquares: (meanA * meanA + 4) * nA },
          { name: 'treatment', n: nB, sum: meanB * nB, sumSquares: (meanB * meanB + 4.2) * nB },
        ],
      });
    } else {
      pool.push({
        engine: 'frequentist',
        metric: 'proportion',
        difference: 'relative',
        variants: [
          { name: 'control', n: nA, conversions: Math.round(nA * 0.1) },
          { name: 'treatment', n: nB, conversions: Math.round(nB * (0.1 + (i - 32) / 5000)) },
        ],
      });
    }
  }
  let sink = 0;
  const run = (count: number) => {
    for (let i = 0; i < count; i++) {
      const row = analyze(pool[i & 63]).variants[1];
      if (!row.control) sink += row.pValue ?? 0;
    }
  };
  run(Math.min(20_000, Math.max(1000, iterations / 10))); // warm-up for the JIT
  const start = performance.now();
  run(iterations);
  const seconds = (performance.now() - start) / 1000;
  if (Number.isNaN(sink)) throw new Error('benchmark produced NaN');
  return iterations / seconds;
}
