import { describe, it } from 'vitest';
import type { MeanVariant, RatioVariant } from './analysis-types';
import { expectClose } from './expect-close';
import { checkReferenceCase, type ReferenceCase } from './reference-case';
import { srm } from './srm';

/** GrowthBook's published stats-engine test cases (gbstats, github.com/growthbook/growthbook,
 *  packages/stats/tests/…). gbstats' tests compare after rounding to 5 decimal places, so these cases
 *  do too (`decimals: 5`) unless the published value is given in full, when the tolerance is relative 1e-9.
 *  To add a case, append it to the array: no new test code is needed. */

const FREQ = 'growthbook/growthbook packages/stats/tests/frequentist/test_tests.py';
const BAYES = 'growthbook/growthbook packages/stats/tests/bayesian/test_tests.py';

const control3407: MeanVariant = { name: 'control', n: 3407, sum: 1396.87, sumSquares: 52377.9767 };
const control3000: MeanVariant = { name: 'control', n: 3000, sum: 1396.87, sumSquares: 52377.9767 };
const treatment3461: MeanVariant = { name: 'treatment', n: 3461, sum: 2422.7, sumSquares: 134698.29 };
const normalA: MeanVariant = { name: 'control', n: 10, sum: 100, sumSquares: 1002.25 };
const normalB: MeanVariant = { name: 'treatment', n: 10, sum: 105, sumSquares: 1111.5 };

// test_two_sided_ttest_test_runs_ratio_ra: RegressionAdjustedRatioStatistic, m = numerator, d = denominator
const ratioControl: RatioVariant = {
  name: 'control',
  n: 100,
  numerator: { sum: 485.112236689623, sumSquares: 2715.484666118136 },
  denominator: { sum: 679.9093275844917, sumSquares: 4939.424001640236 },
  sumProduct: 3602.146836776702,
  covariate: {
    numerator: { sum: 192.59138069991536, sumSquares: 460.076026390857 },
    denominator: { sum: 290.1398399750233, sumSquares: 920.9461385038898 },
    sumProduct: 634.239482353647,
    crossProducts: {
      numeratorPreNumerator: 1113.6215759318352,
      numeratorPreDenominator: 1559.2878434944676,
      denominatorPreNumerator: 1460.3181079276983,
      denominatorPreDenominator: 2130.9404074446747,
    },
  },
};
const ratioTreatment: RatioVariant = {
  name: 'treatment',
  n: 100,
  numerator: { sum: 514.7757826608777, sumSquares: 2994.897482705013 },
  denominator: { sum: 705.4090874383759, sumSquares: 5291.36604146392 },
  sumProduct: 3918.1561431600717,
  covariate: {
    numerator: { sum: 206.94157227402536, sumSquares: 514.2903702246757 },
    denominator: { sum: 302.54389139107326, sumSquares: 994.4506208125663 },
    sumProduct: 698.4173425817908,
    crossProducts: {
      numeratorPreNumerator: 1237.0953021125997,
      numeratorPreDenominator: 1701.0287270040265,
      denominatorPreNumerator: 1604.0759503266522,
      denominatorPreDenominator: 2292.081739775257,
    },
  },
};

const growthbookCases: ReferenceCase[] = [
  {
    name: 'two-sided t-test, relative',
    source: `${FREQ} TestTwoSidedTTest.test_two_sided_ttest`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'relative', variants: [control3407, treatment3461] },
    expected: { effect: 0.70732, se: 0.37879, ciLower: -0.03526, ciUpper: 1.44989, pValue: 0.06191 },
    decimals: 5,
  },
  {
    name: 'two-sided t-test, absolute',
    source: `${FREQ} TestTwoSidedTTest.test_two_sided_ttest_absolute`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', variants: [control3407, treatment3461] },
    expected: { effect: 0.29, se: 0.12478, ciLower: 0.04538, ciUpper: 0.53462, pValue: 0.02016 },
    decimals: 5,
  },
  {
    name: 'two-sided t-test, proportion 14/28 vs 16/30',
    source: `${FREQ} TestTwoSidedTTest.test_two_sided_ttest_binom`,
    request: {
      engine: 'frequentist',
      metric: 'proportion',
      difference: 'relative',
      variants: [
        { name: 'control', n: 28, conversions: 14 },
        { name: 'treatment', n: 30, conversions: 16 },
      ],
    },
    expected: { effect: 0.06667, se: 0.2717, ciLower: -0.47767, ciUpper: 0.61101, pValue: 0.80707 },
    decimals: 5,
  },
  {
    name: 'two-sided t-test, ratio metric with CUPED',
    source: `${FREQ} TestTwoSidedTTest.test_two_sided_ttest_test_runs_ratio_ra`,
    request: { engine: 'frequentist', metric: 'ratio', difference: 'relative', variants: [ratioControl, ratioTreatment] },
    expected: { effect: -0.0007, se: 0.00391, ciLower: -0.00841, ciUpper: 0.007, pValue: 0.85771 },
    decimals: 5,
  },
  {
    name: 'one-sided (greater) t-test, relative',
    source: `${FREQ} TestOneSidedGreaterTTest.test_one_sided_ttest`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'relative', alternative: 'greater', variants: [control3000, treatment3461] },
    expected: { effect: 0.5033610858562358, se: 0.3334122146400735, ciLower: -0.045136675850396046, ciUpper: null, pValue: 0.06558262868467746 },
  },
  {
    name: 'one-sided (greater) t-test, absolute',
    source: `${FREQ} TestOneSidedGreaterTTest.test_one_sided_ttest_absolute`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', alternative: 'greater', variants: [control3000, treatment3461] },
    expected: { effect: 0.23437666666666668, se: 0.12983081254184736, ciLower: 0.020791480063255735, ciUpper: null, pValue: 0.03554272489873023 },
  },
  {
    name: 'one-sided (less) t-test, relative',
    source: `${FREQ} TestOneSidedLesserTTest.test_one_sided_ttest`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'relative', alternative: 'less', variants: [control3000, treatment3461] },
    expected: { effect: 0.5033610858562358, se: 0.3334122146400735, ciLower: null, ciUpper: 1.0518588475628676, pValue: 0.9344173713153225 },
  },
  {
    name: 'one-sided (less) t-test, absolute',
    source: `${FREQ} TestOneSidedLesserTTest.test_one_sided_ttest_absolute`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', alternative: 'less', variants: [control3000, treatment3461] },
    expected: { effect: 0.23437666666666668, se: 0.12983081254184736, ciLower: null, ciUpper: 0.44796185327007765, pValue: 0.9644572751012698 },
  },
  {
    name: 'sequential, tuning 1000',
    source: `${FREQ} TestSequentialTTest.test_sequential_test_runs`,
    request: { engine: 'sequential', metric: 'mean', difference: 'relative', sequentialTuning: 1000, variants: [control3000, treatment3461] },
    expected: { effect: 0.50336, se: 0.33341, ciLower: -0.55844, ciUpper: 1.56516, pValue: 1 },
    decimals: 5,
  },
  {
    name: 'sequential, proportion, default tuning 5000',
    source: `${FREQ} TestSequentialTTest.test_sequential_test_runs_prop`,
    request: {
      engine: 'sequential',
      metric: 'proportion',
      difference: 'relative',
      variants: [
        { name: 'control', n: 3000, conversions: 1396 },
        { name: 'treatment', n: 3461, conversions: 2422 },
      ],
    },
    expected: { effect: 0.50386, se: 0.03386, ciLower: 0.40098, ciUpper: 0.60675, pValue: 0 },
    decimals: 5,
  },
  {
    name: 'sequential with CUPED',
    source: `${FREQ} TestSequentialTTest.test_sequential_test_runs_ra`,
    request: {
      engine: 'sequential',
      metric: 'mean',
      difference: 'relative',
      variants: [
        { ...control3000, covariate: { sum: 16.87, sumSquares: 527.9767, sumProduct: 1 } },
        { ...treatment3461, covariate: { sum: 22.7, sumSquares: 1348.29, sumProduct: 1 } },
      ],
    },
    expected: { effect: 0.50338, se: 0.33341, ciLower: -0.50969, ciUpper: 1.51646, pValue: 1 },
    decimals: 5,
  },
  {
    name: 'sequential, ratio metric with CUPED',
    source: `${FREQ} TestSequentialTTest.test_sequential_test_runs_ratio_ra`,
    request: { engine: 'sequential', metric: 'ratio', difference: 'relative', variants: [ratioControl, ratioTreatment] },
    expected: { effect: -0.0007, se: 0.00391, ciLower: -0.02063, ciUpper: 0.01923, pValue: 1 },
    decimals: 5,
  },
  // gbstats' sequential one-sided p-values come from a bisection over α clamped to [1e-5, 0.4999], so
  // they read 0.4999 where the effect points away from the alternative; this engine solves the same
  // equation in closed form (sequential-test.ts), so only the intervals are compared here.
  {
    name: 'sequential one-sided (greater), relative',
    source: `${FREQ} TestSequentialOneSidedGreaterTTest.test_one_sided_ttest`,
    request: { engine: 'sequential', metric: 'mean', difference: 'relative', alternative: 'greater', variants: [control3000, treatment3461] },
    expected: { effect: 0.5033610858562358, se: 0.3334122146400735, ciLower: -0.42356454602790883, ciUpper: null },
  },
  {
    name: 'sequential one-sided (greater), absolute',
    source: `${FREQ} TestSequentialOneSidedGreaterTTest.test_one_sided_ttest_absolute`,
    request: { engine: 'sequential', metric: 'mean', difference: 'absolute', alternative: 'greater', variants: [control3000, treatment3461] },
    expected: { effect: 0.23437666666666668, se: 0.12983081254184736, ciLower: -0.12656844172804982, ciUpper: null },
  },
  {
    name: 'sequential one-sided (less), relative',
    source: `${FREQ} TestSequentialOneSidedLesserTTest.test_one_sided_ttest`,
    request: { engine: 'sequential', metric: 'mean', difference: 'relative', alternative: 'less', variants: [control3000, treatment3461] },
    expected: { effect: 0.5033610858562358, se: 0.3334122146400735, ciLower: null, ciUpper: 1.4302867177403806 },
  },
  {
    name: 'sequential one-sided (less), absolute',
    source: `${FREQ} TestSequentialOneSidedLesserTTest.test_one_sided_ttest_absolute`,
    request: { engine: 'sequential', metric: 'mean', difference: 'absolute', alternative: 'less', variants: [control3000, treatment3461] },
    expected: { effect: 0.23437666666666668, se: 0.12983081254184736, ciLower: null, ciUpper: 0.5953217750613832 },
  },
  {
    name: 'Bayesian, proportion 49/100 vs 51/100',
    source: `${BAYES} TestBinom.test_bayesian_binomial_ab_test`,
    request: {
      engine: 'bayesian',
      metric: 'proportion',
      difference: 'relative',
      variants: [
        { name: 'control', n: 100, conversions: 49 },
        { name: 'treatment', n: 100, conversions: 51 },
      ],
    },
    expected: { effect: 0.04082, se: 0.14725, ciLower: -0.24779, ciUpper: 0.32943, chanceToWin: 0.60918, riskControl: 0.0814, riskTreatment: 0.04058 },
    decimals: 5,
  },
  {
    name: 'Bayesian, mean, flat prior',
    source: `${BAYES} TestNorm.test_bayesian_gaussian_ab_test`,
    request: { engine: 'bayesian', metric: 'mean', difference: 'relative', variants: [normalA, normalB] },
    expected: { effect: 0.05, se: 0.03572, ciLower: -0.02, ciUpper: 0.12, chanceToWin: 0.91923, riskControl: 0.05131, riskTreatment: 0.00131 },
    decimals: 5,
  },
  {
    name: 'Bayesian, mean, informative prior N(0.1, 0.1)',
    source: `${BAYES} TestNorm.test_bayesian_gaussian_ab_test_informative`,
    request: { engine: 'bayesian', metric: 'mean', difference: 'relative', prior: { mean: 0.1, variance: 0.1 }, variants: [normalA, normalB] },
    expected: { effect: 0.05063, se: 0.03549, ciLower: -0.01893, ciUpper: 0.12019, chanceToWin: 0.92315, riskControl: 0.05186, riskTreatment: 0.00123 },
    decimals: 5,
  },
];

describe('GrowthBook gbstats reference cases', () => {
  it.each(growthbookCases)('$name ($source)', (c) => checkReferenceCase(c));

  it('sequential one-sided p-value: the exact root where gbstats reports its bisection estimate', () => {
    // gbstats (TestSequentialOneSidedGreaterTTest.test_one_sided_ttest_absolute) reports 0.46316491943359384
    // from a bisection stopped at |CI bound| < 1e-6 on its own scale. The exact α at which the one-sided
    // bound reaches 0 (ρ fixed from α = 0.05, N* = 5000, n = 6461), found with SciPy:
    //   pe, se, n = 0.23437666666666668, 0.12983081254184736, 6461
    //   rho = np.sqrt((-2*np.log(0.1) + np.log(-2*np.log(0.1) + 1)) / 5000)
    //   f = lambda a: pe - np.sqrt(se**2*n * 2*(n*rho**2+1)/(n*rho)**2 * np.log(1 + np.sqrt(n*rho**2+1)/(2*a)))
    //   scipy.optimize.brentq(f, 0.01, 0.9, xtol=1e-15) -> 0.46304735779462636
    checkReferenceCase({
      name: 'sequential greater, absolute, p-value',
      source: 'scipy.optimize.brentq on the gbstats one-sided confidence-sequence bound',
      request: { engine: 'sequential', metric: 'mean', difference: 'absolute', alternative: 'greater', variants: [control3000, treatment3461] },
      expected: { pValue: 0.46304735779462636 },
      relative: 1e-9,
    });
  });
});

describe('GrowthBook check_srm reference values', () => {
  // gbstats TestCheckSrm.test_matches_backend_values / test_skips_zero_weight_variation (values to 9
  // decimals, mirroring checkSrm in packages/back-end/src/util/stats.ts), and SciPy 1.17.1
  // stats.chisquare(observed, f_exp) for the full-precision values.
  const cases = [
    { observed: [1000, 1200], weights: [0.5, 0.5], growthbook: 0.000020079, scipy: 2.007865612426481e-5 },
    { observed: [310, 98], weights: [0.75, 0.25], growthbook: 0.647434186, scipy: 0.647434185701797 },
    { observed: [500, 500, 600], weights: [0.34, 0.33, 0.33], growthbook: 0.000592638, scipy: 0.0005926379315273186 },
    { observed: [1000, 1200, 900], weights: [0.5, 0.5, 0], growthbook: 0.000020079, scipy: 2.007865612426481e-5 },
  ];
  it.each(cases)('srm($observed, $weights)', ({ observed, weights, growthbook, scipy }) => {
    const result = srm(observed, weights);
    expectClose(result.pValue, growthbook, 0, 5e-10);
    expectClose(result.pValue, scipy, 1e-10);
  });
  it('returns 1 when there is nothing to test', () => {
    // gbstats: check_srm([500, 500], [0.5, 0.5]) == 1; check_srm([0, 0, 0], [0.34, 0.33, 0.33]) == 1
    expectClose(srm([500, 500], [0.5, 0.5]).pValue, 1, 1e-15);
    expectClose(srm([0, 0, 0], [0.34, 0.33, 0.33]).pValue, 1, 0);
  });
});
