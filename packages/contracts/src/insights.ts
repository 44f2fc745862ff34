import { z } from 'zod';
import { isoDateTime } from './common';

export const insightsQuery = z.strictObject({
  team: z.string().max(63).optional().describe('only this team and its sub-teams'),
  weeks: z.coerce.number().int().min(1, 'must be 1 to 52').max(52, 'must be 1 to 52').default(13).describe('the period: this many weeks back from now'),
});
export type InsightsQuery = z.infer<typeof insightsQuery>;

/** One number on the dashboard, with what it counts and where the documents behind it are. */
export const insightFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable().describe('null: nothing to count in the period'),
  unit: z.enum(['count', 'share', 'hours', 'days', 'money']),
  link: z.string().nullable().describe('the web page listing the documents behind the figure'),
});
export type InsightFigure = z.infer<typeof insightFigure>;

export const insightArea = z.object({
  key: z.enum(['mechanisms', 'architecture', 'organisation', 'culture']),
  title: z.string(),
  /** 0–100, or null when there is nothing yet to score. */
  score: z.number().int().nullable(),
  formula: z.string().describe('how the score is computed, in words'),
  /** The ratios the score averages, each 0–1 (null ones are left out). */
  parts: z.array(z.object({ label: z.string(), value: z.number().nullable() })),
  figures: z.array(insightFigure),
});
export type InsightArea = z.infer<typeof insightArea>;

export const insightWeek = z.object({
  week: z.string().describe('the Monday the week starts on'),
  prfaqDecisions: z.number().int(),
  andonPulls: z.number().int(),
  coes: z.number().int(),
  experimentsDecided: z.number().int(),
});

export const insights = z.object({
  team: z.string().nullable(),
  teams: z.array(z.string()).describe('the teams counted: the team and its sub-teams, or every team'),
  from: isoDateTime,
  to: isoDateTime,
  areas: z.array(insightArea),
  trend: z.array(insightWeek),
});
export type Insights = z.infer<typeof insights>;
