import type { Alternative, Difference, Engine, GaussianPrior, MetricType } from './analysis-types';
import { checkCovariance, sampleCovariance, sampleVariance, type SampleSums } from './moments';
import { StatsInputError } from './stats-input-error';
import {
  optional,
  requireArray,
  requireCount,
  requireFinite,
  requireNonNegative,
  requireObject,
  requireOneOf,
  requireOpenUnit,
  requirePositive,
  requireWeights,
} from './validate-fields';

/** Turns an analysis request (possibly straight from a request body) into checked, normalised data,
 *  or throws StatsInputError naming the field at fault. */

export interface MomentCovariate {
  sums: SampleSums;
  sumProduct: number;
}

/** A mean or proportion metric (a proportion is a 0/1 per-user quantity). */
export interface MomentVariant {
  kind: 'moments';
  name: string;
  path: string;
  n: number;
  metric: SampleSums;
  covariate: MomentCovariate | null;
}

export interface RatioCovariateData {
  numerator: SampleSums;
  denominator: SampleSums;
  sumProduct: number;
  numeratorPreNumerator: number;
  numeratorPreDenominator: number;
  denominatorPreNumerator: number;
  denominatorPreDenominator: number;
}

export interface RatioVariantData {
  kind: 'ratio';
  name: string;
  path: string;
  n: number;
  numerator: SampleSums;
  denominator: SampleSums;
  sumProduct: number;
  covariate: RatioCovariateData | null;
}

export type ValidVariant = MomentVariant | RatioVariantData;

export interface ValidRequest {
  engine: Engine;
  metric: MetricType;
  difference: Difference;
  alpha: number;
  alternative: Alternative;
  tuning: number;
  prior: GaussianPrior | null;
  weights: number[] | null;
  srmThreshold: number;
  variants: ValidVariant[];
}

export const ENGINES = ['frequentist', 'bayesian', 'sequential'] as const;
export const METRICS = ['mean', 'proportion', 'ratio'] as const;
export const DIFFERENCES = ['relative', 'absolute'] as const;
export const ALTERNATIVES = ['two-sided', 'greater', 'less'] as const;

function sums(value: unknown, path: string, n: number): SampleSums {
  const o = requireObject(value, path);
  const s: SampleSums = {
    n,
    sum: requireFinite(o.sum, `${path}.sum`),
    sumSquares: requireNonNegative(o.sumSquares, `${path}.sumSquares`),
    binary: false,
  };
  sampleVariance(s, `${path}.sumSquares`);
  return s;
}

function product(
  value: unknown,
  path: string,
  n: number,
  x: SampleSums,
  y: SampleSums,
): number {
  const sumProduct = requireFinite(value, path);
  const cov = sampleCovariance(n, x, y, sumProduct);
  checkCovariance(n, cov, sampleVariance(x, path), sampleVariance(y, path), x, y, sumProduct, path);
  return sumProduct;
}

function momentCovariate(value: unknown, path: string, n: number, metric: SampleSums, proportion: boolean): MomentCovariate {
  const o = requireObject(value, path);
  const sum = requireFinite(o.sum, `${path}.sum`);
  let covariateSums: SampleSums;
  if (o.sumSquares === undefined && proportion) {
    if (sum < 0 || sum > n) throw new StatsInputError(`${path}.sum`, 'of a 0/1 covariate must be between 0 and n');
    covariateSums = { n, sum, sumSquares: sum, binary: true };
  } else {
    const sumSquares = requireNonNegative(o.sumSquares, `${path}.sumSquares`);
    covariateSums = { n, sum, sumSquares, binary: false };
    sampleVariance(covariateSums, `${path}.sumSquares`);
  }
  return { sums: covariateSums, sumProduct: product(o.sumProduct, `${path}.sumProduct`, n, metric, covariateSums) };
}

function momentVariant(o: Record<string, unknown>, path: string, name: string, n: number, proportion: boolean): MomentVariant {
  let metric: SampleSums;
  if (proportion) {
    const conversions = requireNonNegative(o.conversions, `${path}.conversions`);
    if (conversions > n) throw new StatsInputError(`${path}.conversions`, 'must not exceed n');
    metric = { n, sum: conversions, sumSquares: conversions, binary: true };
  } else {
    metric = {
      n,
      sum: requireFinite(o.sum, `${path}.sum`),
      sumSquares: requireNonNegative(o.sumSquares, `${path}.sumSquares`),
      binary: false,
    };
    sampleVariance(metric, `${path}.sumSquares`);
  }
  const covariate =
    o.covariate === undefined ? null : momentCovariate(o.covariate, `${path}.covariate`, n, metric, proportion);
  return { kind: 'moments', name, path, n, metric, covariate };
}

function ratioCovariate(value: unknown, path: string, n: number, m: SampleSums, d: SampleSums): RatioCovariateData {
  const o = requireObject(value, path);
  const numerator = sums(o.numerator, `${path}.numerator`, n);
  const denominator = sums(o.denominator, `${path}.denominator`, n);
  const sumProduct = product(o.sumProduct, `${path}.sumProduct`, n, numerator, denominator);
  const cross = requireObject(o.crossProducts, `${path}.crossProducts`);
  const at = (key: string) => `${path}.crossProducts.${key}`;
  return {
    numerator,
    denominator,
    sumProduct,
    numeratorPreNumerator: product(cross.numeratorPreNumerator, at('numeratorPreNumerator'), n, m, numerator),
    numeratorPreDenominator: product(cross.numeratorPreDenominator, at('numeratorPreDenominator'), n, m, denominator),
    denominatorPreNumerator: product(cross.denominatorPreNumerator, at('denominatorPreNumerator'), n, d, numerator),
    denominatorPreDenominator: product(cross.denominatorPreDenominator, at('denominatorPreDenominator'), n, d, denominator),
  };
}

function ratioVariant(o: Record<string, unknown>, path: string, name: string, n: number): RatioVariantData {
  const numerator = sums(o.numerator, `${path}.numerator`, n);
  const denominator = sums(o.denominator, `${path}.denominator`, n);
  const sumProduct = product(o.sumProduct, `${path}.sumProduct`, n, numerator, denominator);
  const covariate =
    o.covariate === undefined ? null : ratioCovariate(o.covariate, `${path}.covariate`, n, numerator, denominator);
  return { kind: 'ratio', name, path, n, numerator, denominator, sumProduct, covariate };
}

function variant(value: unknown, index: number, metric: MetricType): ValidVariant {
  const path = `variants[${index}]`;
  const o = requireObject(value, path);
  if (typeof o.name !== 'string' || o.name.trim() === '') {
    throw new StatsInputError(`${path}.name`, 'must be a non-empty string');
  }
  const n = requireCount(o.n, `${path}.n`, 2);
  if (metric === 'ratio') return ratioVariant(o, path, o.name, n);
  return momentVariant(o, path, o.name, n, metric === 'proportion');
}

function prior(value: unknown): GaussianPrior {
  const o = requireObject(value, 'prior');
  return { mean: requireFinite(o.mean, 'prior.mean'), variance: requirePositive(o.variance, 'prior.variance') };
}

export function validateRequest(input: unknown): ValidRequest {
  const o = requireObject(input, 'request');
  const engine = requireOneOf(o.engine, 'engine', ENGINES);
  const metric = requireOneOf(o.metric, 'metric', METRICS);
  const difference = requireOneOf(o.difference, 'difference', DIFFERENCES);
  const alpha = optional(o.alpha, 0.05, (v) => requireOpenUnit(v, 'alpha'));
  const alternative = optional<Alternative>(o.alternative, 'two-sided', (v) => requireOneOf(v, 'alternative', ALTERNATIVES));
  if (engine === 'sequential' && alternative !== 'two-sided' && alpha >= 0.5) {
    throw new StatsInputError('alpha', 'must be below 0.5 for a one-sided sequential test');
  }
  const tuning = optional(o.sequentialTuning, 5000, (v) => requirePositive(v, 'sequentialTuning'));
  const srmThreshold = optional(o.srmThreshold, 0.001, (v) => requireOpenUnit(v, 'srmThreshold'));
  const list = requireArray(o.variants, 'variants', 2);
  const variants = list.map((v, i) => variant(v, i, metric));

  const seen = new Map<string, number>();
  variants.forEach((v, i) => {
    const first = seen.get(v.name);
    if (first !== undefined) throw new StatsInputError(`variants[${i}].name`, `repeats variants[${first}].name`);
    seen.set(v.name, i);
  });
  const withCovariate = variants.filter((v) => v.covariate !== null).length;
  if (withCovariate > 0 && withCovariate < variants.length) {
    const missing = variants.findIndex((v) => v.covariate === null);
    throw new StatsInputError(`variants[${missing}].covariate`, 'must be given for every variant or for none');
  }

  return {
    engine,
    metric,
    difference,
    alpha,
    alternative,
    tuning,
    prior: o.prior === undefined ? null : prior(o.prior),
    weights: o.weights === undefined ? null : requireWeights(o.weights, 'weights', variants.length),
    srmThreshold,
    variants,
  };
}
