export { analyze } from './analyze';
export { adjust, ADJUSTMENT_METHODS, type AdjustmentMethod } from './adjust';
export { srm } from './srm';
export { power, type PowerRequest, type PowerResult } from './power';
export { benchEngine } from './bench-engine';
export { StatsInputError } from './stats-input-error';
export { normalCdf, normalPdf, normalQuantile, normalSf } from './normal-distribution';
export { studentTCdf, studentTPdf, studentTQuantile, studentTSf } from './student-t-distribution';
export { chiSquareCdf, chiSquareSf } from './chi-square-distribution';
export type {
  Alternative,
  AnalysisRequest,
  AnalysisResult,
  AnalysisWarning,
  ControlResult,
  Covariate,
  Difference,
  Engine,
  GaussianPrior,
  MeanVariant,
  MetricType,
  ProportionVariant,
  RatioCovariate,
  RatioVariant,
  SrmResult,
  Sums,
  TreatmentResult,
  VariantInput,
  VariantResult,
} from './analysis-types';
