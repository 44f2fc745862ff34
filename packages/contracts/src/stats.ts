import { z } from 'zod';

const sums = z.strictObject({ sum: z.number(), sumSquares: z.number() });
const covariate = z.strictObject({ sum: z.number(), sumSquares: z.number().optional(), sumProduct: z.number() });
const ratioCovariate = z.strictObject({
  numerator: sums,
  denominator: sums,
  sumProduct: z.number(),
  crossProducts: z.strictObject({
    numeratorPreNumerator: z.number(),
    numeratorPreDenominator: z.number(),
    denominatorPreNumerator: z.number(),
    denominatorPreDenominator: z.number(),
  }),
});

export const statsVariant = z.union([
  z.strictObject({ name: z.string().max(100), n: z.number(), sum: z.number(), sumSquares: z.number(), covariate: covariate.optional() }),
  z.strictObject({ name: z.string().max(100), n: z.number(), conversions: z.number(), covariate: covariate.optional() }),
  z.strictObject({ name: z.string().max(100), n: z.number(), numerator: sums, denominator: sums, sumProduct: z.number(), covariate: ratioCovariate.optional() }),
]);

/** The stateless analysis: sufficient statistics in, effects out (first variant is the control). */
export const analyzeBody = z.strictObject({
  engine: z.enum(['frequentist', 'bayesian', 'sequential']),
  metric: z.enum(['mean', 'proportion', 'ratio']),
  difference: z.enum(['relative', 'absolute']),
  alpha: z.number().optional(),
  alternative: z.enum(['two-sided', 'greater', 'less']).optional(),
  sequentialTuning: z.number().optional(),
  prior: z.strictObject({ mean: z.number(), variance: z.number() }).optional(),
  weights: z.array(z.number()).max(20).optional(),
  srmThreshold: z.number().optional(),
  variants: z.array(statsVariant).min(2).max(20),
});

export const analyzeResult = z.object({
  engine: z.string(),
  metric: z.string(),
  difference: z.string(),
  alpha: z.number(),
  alternative: z.string(),
  variants: z.array(
    z.object({
      name: z.string(),
      control: z.boolean(),
      n: z.number(),
      mean: z.number().nullable(),
      effect: z.number().optional(),
      se: z.number().optional(),
      ci: z.tuple([z.number().nullable(), z.number().nullable()]).optional(),
      pValue: z.number().optional(),
      dof: z.number().optional(),
      chanceToWin: z.number().optional(),
      risk: z.object({ control: z.number(), treatment: z.number() }).optional(),
      theta: z.number().optional(),
      warning: z.string().optional(),
    }),
  ),
  srm: z.object({ chiSquare: z.number(), degreesOfFreedom: z.number(), pValue: z.number(), mismatch: z.boolean() }).optional(),
});

export const srmBody = z.strictObject({ observed: z.array(z.number()).min(2).max(20), weights: z.array(z.number()).min(2).max(20), threshold: z.number().optional() });
export const srmResult = z.object({ chiSquare: z.number(), degreesOfFreedom: z.number(), pValue: z.number(), mismatch: z.boolean() });
export const adjustBody = z.strictObject({ method: z.enum(['holm', 'bh']), pValues: z.array(z.number()).min(1).max(10_000) });
export const adjustResult = z.object({ adjusted: z.array(z.number()) });
export const powerBody = z.strictObject({
  metric: z.enum(['mean', 'proportion']),
  baseline: z.number(),
  standardDeviation: z.number().optional(),
  mde: z.number(),
  difference: z.enum(['relative', 'absolute']).optional(),
  alpha: z.number().optional(),
  power: z.number().optional(),
  alternative: z.enum(['two-sided', 'greater', 'less']).optional(),
  variants: z.number().int().optional(),
  dailyTraffic: z.number().optional(),
});
export const powerResult = z.object({ usersPerVariant: z.number(), totalUsers: z.number(), days: z.number().nullable(), absoluteEffect: z.number() });
