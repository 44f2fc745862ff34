/** The shapes `analyze` takes and gives. Every sum is over the users (units) of one variant. */

export type Engine = 'frequentist' | 'bayesian' | 'sequential';
export type MetricType = 'mean' | 'proportion' | 'ratio';
/** `absolute`: treatment − control. `relative`: (treatment − control) / |control| (a lift; 0.05 = +5%). */
export type Difference = 'relative' | 'absolute';
/** `greater`: the alternative is treatment > control; `less`: treatment < control. */
export type Alternative = 'two-sided' | 'greater' | 'less';

/** Σx and Σx² of one per-user quantity. */
export interface Sums {
  sum: number;
  sumSquares: number;
}

/** A pre-exposure covariate for CUPED on mean and proportion metrics: Σx, Σx² and Σ(metric·x).
 *  `sumSquares` may be left out only on proportion metrics, where it marks a 0/1 covariate
 *  (pre-period conversion; Σx² = Σx). */
export interface Covariate {
  sum: number;
  sumSquares?: number;
  sumProduct: number;
}

/** A pre-exposure covariate for CUPED on ratio metrics: the pre-period numerator and denominator,
 *  Σ(preNumerator·preDenominator), and the products of the post-exposure numerator (m) and
 *  denominator (d) with the pre-exposure ones (m′, d′). */
export interface RatioCovariate {
  numerator: Sums;
  denominator: Sums;
  /** Σ m′·d′ */
  sumProduct: number;
  crossProducts: {
    /** Σ m·m′ */
    numeratorPreNumerator: number;
    /** Σ m·d′ */
    numeratorPreDenominator: number;
    /** Σ d·m′ */
    denominatorPreNumerator: number;
    /** Σ d·d′ */
    denominatorPreDenominator: number;
  };
}

export interface MeanVariant {
  name: string;
  n: number;
  sum: number;
  sumSquares: number;
  covariate?: Covariate;
}

export interface ProportionVariant {
  name: string;
  n: number;
  conversions: number;
  covariate?: Covariate;
}

/** A ratio metric Σm / Σd (e.g. revenue per session) over n users, with Σ m·d. */
export interface RatioVariant {
  name: string;
  n: number;
  numerator: Sums;
  denominator: Sums;
  sumProduct: number;
  covariate?: RatioCovariate;
}

export type VariantInput = MeanVariant | ProportionVariant | RatioVariant;

/** A Gaussian prior on the effect, in the scale of `difference` (a relative prior for relative). */
export interface GaussianPrior {
  mean: number;
  variance: number;
}

export interface AnalysisRequest {
  engine: Engine;
  metric: MetricType;
  difference: Difference;
  /** Default 0.05. */
  alpha?: number;
  /** Default 'two-sided'. Used by the frequentist and sequential engines. */
  alternative?: Alternative;
  /** The sample size (both arms together) at which the confidence sequence is tightest. Default 5000. */
  sequentialTuning?: number;
  /** Default: flat (improper). */
  prior?: GaussianPrior;
  /** Configured traffic split, one weight per variant, summing to 1: turns on the SRM check. */
  weights?: number[];
  /** SRM p-values below this are a mismatch. Default 0.001. */
  srmThreshold?: number;
  /** The first variant is the control. */
  variants: VariantInput[];
}

/** Why a comparison could not be made; its numbers are then neutral (effect 0, p 1, chance 0.5). */
export type AnalysisWarning = 'ZERO_VARIANCE' | 'ZERO_BASELINE' | 'ZERO_DENOMINATOR';

export interface ControlResult {
  name: string;
  control: true;
  n: number;
  /** Unadjusted metric value: mean, conversion rate or ratio (null for a ratio whose Σd is 0). */
  mean: number | null;
}

export interface TreatmentResult {
  name: string;
  control: false;
  n: number;
  mean: number | null;
  /** Difference from control (posterior mean for the Bayesian engine). */
  effect: number;
  /** Its standard error (posterior standard deviation for the Bayesian engine). */
  se: number;
  /** Confidence (credible) interval; a one-sided test leaves one side unbounded: null. */
  ci: [number | null, number | null];
  pValue?: number;
  /** Welch–Satterthwaite degrees of freedom (frequentist engine). */
  dof?: number;
  chanceToWin?: number;
  /** Expected loss of shipping control (the gain forgone) and of shipping treatment. */
  risk?: { control: number; treatment: number };
  /** The CUPED coefficient used, when a covariate was given. */
  theta?: number;
  warning?: AnalysisWarning;
}

export type VariantResult = ControlResult | TreatmentResult;

export interface SrmResult {
  chiSquare: number;
  degreesOfFreedom: number;
  pValue: number;
  mismatch: boolean;
}

export interface AnalysisResult {
  engine: Engine;
  metric: MetricType;
  difference: Difference;
  alpha: number;
  alternative: Alternative;
  /** One entry per requested variant, in the same order; the first is the control. */
  variants: VariantResult[];
  srm?: SrmResult;
}
