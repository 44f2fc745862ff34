import { describe, expect, it } from 'vitest';
import { bayesianTest, expectedLoss } from './bayesian-test';
import { expectClose } from './expect-close';

describe('expected loss (risk)', () => {
  // SciPy 1.17.1 numerical integration:
  //   integrate.quad(lambda x: x*stats.norm.pdf(x, mu, sd), 0, np.inf)      (control: gain forgone)
  //   integrate.quad(lambda x: -x*stats.norm.pdf(x, mu, sd), -np.inf, 0)    (treatment: loss taken)
  const cases = [
    { mu: 0.012, sd: 0.009, control: 0.012381556035373529, treatment: 0.0003815560353735279, source: 'scipy quad' },
    { mu: -0.3, sd: 0.04, control: 1.6460711338335119e-16, treatment: 0.3000000000000002, source: 'scipy quad' },
  ];
  it.each(cases)('N($mu, $sd²) ($source)', ({ mu, sd, control, treatment }) => {
    const risk = expectedLoss(mu, sd);
    expectClose(risk.control, control, 1e-9);
    expectClose(risk.treatment, treatment, 1e-9);
  });

  it('risk(control) − risk(treatment) equals the posterior mean (E[max(X,0)] − E[max(−X,0)] = E[X])', () => {
    for (const [mu, sd] of [[0.3, 1], [-2, 0.5], [0, 1], [5, 0.7]]) {
      const r = expectedLoss(mu, sd);
      expectClose(r.control - r.treatment, mu, 1e-12, 1e-15);
    }
  });
});

describe('bayesianTest', () => {
  it('with a flat prior the posterior is the likelihood', () => {
    const r = bayesianTest(0.02, 0.0001, 0.05, null);
    expect(r.posteriorMean).toBe(0.02);
    expectClose(r.posteriorSd, 0.01, 1e-15);
    // scipy 1.17.1: stats.norm.sf(0, 0.02, 0.01) = 0.9772498680518208
    expectClose(r.chanceToWin, 0.9772498680518208, 1e-12);
  });

  it('a proper prior shrinks towards its mean (conjugate normal update)', () => {
    // precision 1/0.0001 + 1/0.0001 = 20000; mean (0.02/0.0001 + 0/0.0001)/20000 = 0.01; sd = √(1/20000)
    const r = bayesianTest(0.02, 0.0001, 0.05, { mean: 0, variance: 0.0001 });
    expectClose(r.posteriorMean, 0.01, 1e-14);
    expectClose(r.posteriorSd, Math.sqrt(1 / 20000), 1e-14);
  });
});
