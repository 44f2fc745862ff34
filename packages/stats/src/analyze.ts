import type { AnalysisRequest, AnalysisResult, ControlResult, TreatmentResult, VariantResult } from './analysis-types';
import { bayesianTest } from './bayesian-test';
import { estimateEffect, type EstimateOutcome } from './effect-estimate';
import { welchTest } from './frequentist-test';
import { welchDof } from './moments';
import { sequentialTest } from './sequential-test';
import { chiSquareGoodnessOfFit } from './srm';
import { StatsInputError } from './stats-input-error';
import { validateRequest, type ValidRequest, type ValidVariant } from './validate';

/** Analyses one metric of one experiment: every treatment against the first variant (the control). */

function variantMean(v: ValidVariant): number | null {
  if (v.kind === 'moments') return v.metric.sum / v.n;
  return v.denominator.sum === 0 ? null : v.numerator.sum / v.denominator.sum;
}

function neutralRow(req: ValidRequest, base: TreatmentResult, outcome: Extract<EstimateOutcome, { ok: false }>): TreatmentResult {
  const row: TreatmentResult = { ...base, effect: 0, se: 0, warning: outcome.warning };
  if (outcome.theta !== null) row.theta = outcome.theta;
  if (req.engine === 'bayesian') {
    row.ci = [0, 0];
    row.chanceToWin = 0.5;
    row.risk = { control: 0, treatment: 0 };
  } else {
    row.ci = req.alternative === 'greater' ? [0, null] : req.alternative === 'less' ? [null, 0] : [0, 0];
    row.pValue = 1;
  }
  return row;
}

function treatmentRow(req: ValidRequest, control: ValidVariant, v: ValidVariant): TreatmentResult {
  const base: TreatmentResult = { name: v.name, control: false, n: v.n, mean: variantMean(v), effect: 0, se: 0, ci: [0, 0] };
  const outcome = estimateEffect(control, v, req.difference);
  if (!outcome.ok) return neutralRow(req, base, outcome);
  const { effect, variance, theta } = outcome.estimate;
  const se = Math.sqrt(variance);
  let row: TreatmentResult;
  if (req.engine === 'frequentist') {
    const dof = welchDof(outcome.estimate.control, outcome.estimate.treatment);
    row = { ...base, effect, se, ...welchTest(effect, se, dof, req.alpha, req.alternative), dof };
  } else if (req.engine === 'sequential') {
    const n = control.n + v.n;
    row = { ...base, effect, se, ...sequentialTest(effect, se, n, req.alpha, req.alternative, req.tuning) };
  } else {
    const b = bayesianTest(effect, variance, req.alpha, req.prior);
    row = { ...base, effect: b.posteriorMean, se: b.posteriorSd, ci: b.ci, chanceToWin: b.chanceToWin, risk: b.risk };
  }
  if (theta !== null) row.theta = theta;
  return row;
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(allFinite);
  return true;
}

export function analyze(request: AnalysisRequest): AnalysisResult {
  const req = validateRequest(request);
  const control = req.variants[0];
  const variants: VariantResult[] = req.variants.map((v, i) => {
    const row: VariantResult =
      i === 0
        ? ({ name: v.name, control: true, n: v.n, mean: variantMean(v) } satisfies ControlResult)
        : treatmentRow(req, control, v);
    if (!allFinite(row)) {
      throw new StatsInputError(`variants[${i}]`, 'holds numbers too extreme to analyse in double precision');
    }
    return row;
  });
  const result: AnalysisResult = {
    engine: req.engine,
    metric: req.metric,
    difference: req.difference,
    alpha: req.alpha,
    alternative: req.alternative,
    variants,
  };
  if (req.weights) {
    result.srm = chiSquareGoodnessOfFit(
      req.variants.map((v) => v.n),
      req.weights,
      req.srmThreshold,
    );
  }
  return result;
}
