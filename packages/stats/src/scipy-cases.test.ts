import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import type { MeanVariant } from './analysis-types';
import { checkReferenceCase, type ReferenceCase } from './reference-case';

/** Full-precision reference values computed with SciPy 1.17.1 / NumPy (commands in the comments), to
 *  check the engine well beyond the 5 decimals GrowthBook publishes. Tolerance: relative 1e-9. */

// ---------------------------------------------------------------------------------------------------
// Welch's t-test, checked end to end from raw observations.
//   A = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
//   B = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
// By hand: x̄A = 312.3/15 = 20.82, x̄B = 344.8/15 = 22.98667, s²A = 7.867429, s²B = 3.812667,
//   se = √(7.867429/15 + 3.812667/15) = √(0.524495 + 0.254178) = 0.882425,
//   t = (22.98667 − 20.82)/0.882425 = 2.455356,
//   ν = 0.778673² / (0.524495²/14 + 0.254178²/14) = 24.9885,
//   95% CI = 2.166667 ± t₀.₉₇₅,₂₄.₉₉ (2.0597) × 0.882425 = [0.3492, 3.9841].
// SciPy: r = stats.ttest_ind(B, A, equal_var=False); r.statistic, r.pvalue, r.df, r.confidence_interval(0.95)
//   -> 2.455356398286006, 0.021378001462866992, 24.988529290231416, (0.3492370661924069, 3.984096267140929)
// alternative='greater' -> p 0.010689000731433496, CI low 0.6593347835830363
// alternative='less'    -> p 0.9893109992685665,  CI high 3.6739985497502996
// r.confidence_interval(0.90) -> (0.6593347835830357, 3.6739985497502996)
const rawA = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
const rawB = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
const fromRaw = (name: string, xs: number[]): MeanVariant => ({
  name,
  n: xs.length,
  sum: xs.reduce((a, x) => a + x, 0),
  sumSquares: xs.reduce((a, x) => a + x * x, 0),
});
const welchA = fromRaw('A', rawA);
const welchB = fromRaw('B', rawB);
const WELCH = 'scipy 1.17.1 stats.ttest_ind(B, A, equal_var=False)';

// ---------------------------------------------------------------------------------------------------
// GrowthBook's inputs at full precision. With (n, Σx, Σx²) → mean m, variance v = (Σx² − Σx²/n)/(n − 1):
//   stats.ttest_ind_from_stats(mB, √vB, nB, mA, √vA, nA, equal_var=False) for the absolute test;
//   relative: rel = (mB − mA)/mA, se = √(vB/(nB mA²) + vA mB²/(nA mA⁴)), df Welch,
//             CI = rel ∓ stats.t.ppf(0.975, df)·se, p = 2·stats.t.sf(|rel/se|, df).
//   sequential: ρ = √((−2 ln α + ln(−2 ln α + 1))/N*), n = nA + nB, s² = se²·n,
//               half-width = √s² · √(2(nρ²+1) ln(√(nρ²+1)/α)/(nρ)²), p = min(1, √(nρ²+1)/exp(ρ² (est²n/se²)/(2(nρ²+1)))).
//   Bayesian (flat prior): CTW = stats.norm.sf(0, est, se), CI = est ∓ stats.norm.ppf(0.975)·se,
//             risk = (μΦ(μ/σ) + σφ(μ/σ), −μΦ(−μ/σ) + σφ(μ/σ)).
const a3407: MeanVariant = { name: 'control', n: 3407, sum: 1396.87, sumSquares: 52377.9767 };
const a3000: MeanVariant = { name: 'control', n: 3000, sum: 1396.87, sumSquares: 52377.9767 };
const b3461: MeanVariant = { name: 'treatment', n: 3461, sum: 2422.7, sumSquares: 134698.29 };

// ---------------------------------------------------------------------------------------------------
// CUPED on simulated raw data (NumPy):
//   rng = np.random.default_rng(2024); xa = rng.normal(10, 3, 400); xb = rng.normal(10, 3, 380)
//   ya = 2 + 0.8*xa + rng.normal(0, 2, 400); yb = 2.3 + 0.8*xb + rng.normal(0, 2, 380)
//   theta = np.cov(y, x, ddof=1)[0, 1] / np.var(x, ddof=1) over both arms pooled
//   then Welch on (y − θx) per arm: stats.ttest_ind(yb − θ·xb, ya − θ·xa, equal_var=False)
//   -> θ 0.7901947756213693, diff 0.3267529528677011, se 0.14739925856324626, df 773.5847018767079,
//      CI (0.0374030048385251, 0.6161029008968771), p 0.026927643956992514; unadjusted se 0.22568753699779193
const cupedA: MeanVariant = {
  name: 'control',
  n: 400,
  sum: 3967.9446113698973,
  sumSquares: 43289.05674535754,
  covariate: { sum: 3971.023539289782, sumSquares: 43009.68745988478, sumProduct: 42252.06605632152 },
};
const cupedB: MeanVariant = {
  name: 'treatment',
  n: 380,
  sum: 3923.9028495615626,
  sumSquares: 44309.90843358124,
  covariate: { sum: 3810.6773057162372, sumSquares: 41736.329064029625, sumProduct: 42100.78793100435 },
};

// ---------------------------------------------------------------------------------------------------
// Ratio metric (revenue per session style) on simulated raw data (NumPy):
//   rng = np.random.default_rng(7); per arm: d = rng.poisson(3, n) + 1.0; m = rng.gamma(2.0, rate, n)*d
//   (A: n 500, rate 1.0; B: n 520, rate 1.08), then per arm R = Σm/Σd and the delta-method variance
//   C = np.cov(m, d, ddof=1); v = C00/D² − 2·C01·M/D³ + M²·C11/D⁴ (M, D the per-user means),
//   Welch on (R, v, n) and the relative formula as above.
//   -> abs 0.20539036993323534, se 0.0981074574384129, df 1014.8620648372411,
//      CI (0.012873688448463039, 0.39790705141800764), p 0.036550068077839275
//   -> rel 0.10416707804581596, se 0.05221730247953837, CI (0.0017008430426522364, 0.2066333130489797),
//      p 0.04632340679663136; Bayesian flat prior: CTW stats.norm.sf(0, rel, se) 0.9769718332368605,
//      CI rel ∓ 1.959963984540054·se = (0.0018230458160866936, 0.20651111027554522)
const ratioA = {
  name: 'control',
  n: 500,
  numerator: { sum: 3935.592569913738, sumSquares: 52602.458165064556 },
  denominator: { sum: 1996, sumSquares: 9334 },
  sumProduct: 18054.016300928262,
};
const ratioB = {
  name: 'treatment',
  n: 520,
  numerator: { sum: 4410.865652333047, sumSquares: 64691.901066783816 },
  denominator: { sum: 2026, sumSquares: 9404 },
  sumProduct: 20225.367621419016,
};

// ---------------------------------------------------------------------------------------------------
// Proportion metric with a 0/1 pre-period covariate (CUPED), simulated (NumPy):
//   rng = np.random.default_rng(11); pre = uniform < 0.3; post = uniform < (0.5 if pre else 0.1)·lift
//   (A: n 2000, lift 1.0; B: n 2100, lift 1.1). gbstats conventions for proportions: variances p(1 − p),
//   covariance Σxy/n − ΣxΣy/n², θ pooled over both arms, adjusted variance v_y + θ²v_x − 2θ·cov;
//   relative variance as gbstats' frequentist_variance_relative_cuped.
//   -> θ 0.419840451578068, abs 0.033225292855202815, se 0.011851739504892093, df 4095.995557261189,
//      CI (0.009989444124039383, 0.05646114158636625), p 0.0050803198553821365
//   -> rel 0.1479968501345337, se 0.056220634126341186, CI (0.03777386138334429, 0.2582198388857231),
//      p 0.00850948543470956
const propCupedA = { name: 'control', n: 2000, conversions: 449, covariate: { sum: 627, sumProduct: 312 } };
const propCupedB = { name: 'treatment', n: 2100, conversions: 531, covariate: { sum: 634, sumProduct: 356 } };

const cases: ReferenceCase[] = [
  {
    name: 'Welch from raw data, two-sided',
    source: WELCH,
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', variants: [welchA, welchB] },
    expected: { effect: 2.166666666666667, se: 2.166666666666667 / 2.455356398286006, pValue: 0.021378001462866992, dof: 24.988529290231416, ciLower: 0.3492370661924069, ciUpper: 3.984096267140929 },
  },
  {
    name: 'Welch from raw data, greater',
    source: `${WELCH.replace(')', ", alternative='greater')")}`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', alternative: 'greater', variants: [welchA, welchB] },
    expected: { pValue: 0.010689000731433496, ciLower: 0.6593347835830363, ciUpper: null },
  },
  {
    name: 'Welch from raw data, less',
    source: `${WELCH.replace(')', ", alternative='less')")}`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', alternative: 'less', variants: [welchA, welchB] },
    expected: { pValue: 0.9893109992685665, ciLower: null, ciUpper: 3.6739985497502996 },
  },
  {
    name: 'Welch from raw data, 90% interval',
    source: `${WELCH}.confidence_interval(0.90)`,
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', alpha: 0.1, variants: [welchA, welchB] },
    expected: { ciLower: 0.6593347835830357, ciUpper: 3.6739985497502996 },
  },
  {
    name: 'Welch from raw data, relative (delta method)',
    source: 'scipy 1.17.1: relative formula above on the raw data',
    request: { engine: 'frequentist', metric: 'mean', difference: 'relative', variants: [welchA, welchB] },
    expected: { effect: 0.10406660262568052, se: 0.04540157845028714, ciLower: 0.010558124962792459, ciUpper: 0.19757508028856857, pValue: 0.030594010090544823 },
  },
  {
    name: 'GrowthBook inputs, absolute, full precision',
    source: 'scipy 1.17.1 stats.ttest_ind_from_stats(..., equal_var=False)',
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', variants: [a3407, b3461] },
    expected: { effect: 0.29, se: 0.12478363158758794, pValue: 0.02015840264358697, dof: 5841.742032093565, ciLower: 0.04537789255929012, ciUpper: 0.5346221074407098 },
  },
  {
    name: 'GrowthBook inputs, relative, full precision',
    source: 'scipy 1.17.1: relative formula above',
    request: { engine: 'frequentist', metric: 'mean', difference: 'relative', variants: [a3407, b3461] },
    expected: { effect: 0.7073170731707317, se: 0.3787943616681428, ciLower: -0.03526008906611777, ciUpper: 1.449894235407581, pValue: 0.0619118274561836 },
  },
  {
    name: 'GrowthBook inputs, relative, n = 3000',
    source: 'scipy 1.17.1: relative formula above',
    request: { engine: 'frequentist', metric: 'mean', difference: 'relative', variants: [a3000, b3461] },
    expected: { effect: 0.5033610858562358, se: 0.3334122146400735, ciLower: -0.15024480398283102, ciUpper: 1.1569669756953027, pValue: 0.13116525736935494 },
  },
  {
    name: 'sequential, relative, default tuning',
    source: 'numpy: sequential formulas above, N* = 5000',
    request: { engine: 'sequential', metric: 'mean', difference: 'relative', variants: [a3407, b3461] },
    expected: { ciLower: -0.4444237691289097, ciUpper: 1.859057915470373, pValue: 0.6986728582483058 },
  },
  {
    name: 'sequential, absolute, default tuning',
    source: 'numpy: sequential formulas above, N* = 5000',
    request: { engine: 'sequential', metric: 'mean', difference: 'absolute', variants: [a3407, b3461] },
    expected: { ciLower: -0.0894100955383455, ciUpper: 0.6694100955383455, pValue: 0.290744559185973 },
  },
  {
    name: 'sequential, absolute, tuning 1000',
    source: 'numpy: sequential formulas above, N* = 1000',
    request: { engine: 'sequential', metric: 'mean', difference: 'absolute', sequentialTuning: 1000, variants: [a3407, b3461] },
    expected: { ciLower: -0.10836205179831232, ciUpper: 0.6883620517983122, pValue: 0.5253733183947734 },
  },
  {
    name: 'sequential, proportion, tiny p-value',
    source: 'numpy: sequential formulas above, p via exp(−log e-value)',
    request: {
      engine: 'sequential',
      metric: 'proportion',
      difference: 'relative',
      variants: [
        { name: 'control', n: 3000, conversions: 1396 },
        { name: 'treatment', n: 3461, conversions: 2422 },
      ],
    },
    expected: { effect: 0.5038633516821496, se: 0.033860214798231224, ciLower: 0.4009784966859415, ciUpper: 0.6067482066783576, pValue: 5.174716682839797e-44 },
  },
  {
    name: 'Bayesian, proportion, full precision',
    source: 'scipy 1.17.1 stats.norm (formulas above)',
    request: {
      engine: 'bayesian',
      metric: 'proportion',
      difference: 'relative',
      variants: [
        { name: 'control', n: 100, conversions: 49 },
        { name: 'treatment', n: 100, conversions: 51 },
      ],
    },
    expected: {
      effect: 0.04081632653061228,
      se: 0.14725254573469446,
      ciLower: -0.24779335974122602,
      ciUpper: 0.3294260128024506,
      chanceToWin: 0.6091813095808981,
      riskControl: 0.08139584915516311,
      riskTreatment: 0.04057952262455082,
    },
  },
  {
    name: 'Bayesian, informative prior, full precision',
    source: 'scipy 1.17.1: posterior precision 1/v + 1/0.1, mean (est/v + 0.1/0.1)/precision, then as above',
    request: {
      engine: 'bayesian',
      metric: 'mean',
      difference: 'relative',
      prior: { mean: 0.1, variance: 0.1 },
      variants: [
        { name: 'control', n: 10, sum: 100, sumSquares: 1002.25 },
        { name: 'treatment', n: 10, sum: 105, sumSquares: 1111.5 },
      ],
    },
    expected: {
      effect: 0.05062977888312218,
      se: 0.03549024888958016,
      ciLower: -0.018929830742817587,
      ciUpper: 0.12018938850906194,
      chanceToWin: 0.9231499085772956,
      riskControl: 0.051856806429433584,
      riskTreatment: 0.001227027546311407,
    },
  },
  {
    name: 'CUPED on simulated data, absolute',
    source: 'numpy/scipy 1.17.1 CUPED recipe above',
    request: { engine: 'frequentist', metric: 'mean', difference: 'absolute', variants: [cupedA, cupedB] },
    expected: {
      theta: 0.7901947756213693,
      effect: 0.3267529528677011,
      se: 0.14739925856324626,
      dof: 773.5847018767079,
      ciLower: 0.0374030048385251,
      ciUpper: 0.6161029008968771,
      pValue: 0.026927643956992514,
    },
  },
  {
    name: 'ratio metric, absolute',
    source: 'numpy/scipy 1.17.1 delta-method recipe above',
    request: { engine: 'frequentist', metric: 'ratio', difference: 'absolute', variants: [ratioA, ratioB] },
    expected: { effect: 0.20539036993323534, se: 0.0981074574384129, dof: 1014.8620648372411, ciLower: 0.012873688448463039, ciUpper: 0.39790705141800764, pValue: 0.036550068077839275 },
  },
  {
    name: 'ratio metric, relative',
    source: 'numpy/scipy 1.17.1 delta-method recipe above',
    request: { engine: 'frequentist', metric: 'ratio', difference: 'relative', variants: [ratioA, ratioB] },
    expected: { effect: 0.10416707804581596, se: 0.05221730247953837, ciLower: 0.0017008430426522364, ciUpper: 0.2066333130489797, pValue: 0.04632340679663136 },
  },
  {
    name: 'ratio metric, Bayesian relative',
    source: 'numpy/scipy 1.17.1 delta-method recipe above',
    request: { engine: 'bayesian', metric: 'ratio', difference: 'relative', variants: [ratioA, ratioB] },
    expected: { effect: 0.10416707804581596, se: 0.05221730247953837, ciLower: 0.0018230458160866936, ciUpper: 0.20651111027554522, chanceToWin: 0.9769718332368605 },
  },
  {
    name: 'proportion with 0/1 covariate (CUPED), absolute',
    source: 'numpy/scipy 1.17.1 proportion CUPED recipe above',
    request: { engine: 'frequentist', metric: 'proportion', difference: 'absolute', variants: [propCupedA, propCupedB] },
    expected: { theta: 0.419840451578068, effect: 0.033225292855202815, se: 0.011851739504892093, dof: 4095.995557261189, ciLower: 0.009989444124039383, ciUpper: 0.05646114158636625, pValue: 0.0050803198553821365 },
  },
  {
    name: 'proportion with 0/1 covariate (CUPED), relative',
    source: 'numpy/scipy 1.17.1 proportion CUPED recipe above',
    request: { engine: 'frequentist', metric: 'proportion', difference: 'relative', variants: [propCupedA, propCupedB] },
    expected: { effect: 0.1479968501345337, se: 0.056220634126341186, ciLower: 0.03777386138334429, ciUpper: 0.2582198388857231, pValue: 0.00850948543470956 },
  },
];

describe('SciPy full-precision reference cases', () => {
  it.each(cases)('$name ($source)', (c) => checkReferenceCase(c));

  it('CUPED reduces the standard error against the unadjusted analysis', () => {
    const plain = analyze({
      engine: 'frequentist',
      metric: 'mean',
      difference: 'absolute',
      variants: [
        { name: 'control', n: cupedA.n, sum: cupedA.sum, sumSquares: cupedA.sumSquares },
        { name: 'treatment', n: cupedB.n, sum: cupedB.sum, sumSquares: cupedB.sumSquares },
      ],
    }).variants[1];
    if (plain.control) throw new Error('unexpected control row');
    // numpy: np.sqrt(ya.var(ddof=1)/400 + yb.var(ddof=1)/380) = 0.22568753699779193
    expect(Math.abs(plain.se - 0.22568753699779193)).toBeLessThan(1e-12);
    expect(plain.se).toBeGreaterThan(0.14739925856324626);
  });
});
