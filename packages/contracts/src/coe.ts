import { z } from 'zod';
import { entityName, isoDateTime, pageQuery, page, linkUrl } from './common';
import { attachment } from './attachments';

export const coeStatus = z.enum(['draft', 'in_review', 'reviewed', 'closed']);
export const milestone = z.enum(['started', 'detected', 'acknowledged', 'mitigated', 'resolved']);
export const MILESTONE_ORDER = milestone.options;

export const coeTimelineEntry = z.strictObject({
  at: isoDateTime.pipe(z.iso.datetime({ offset: true })),
  text: z.string().trim().min(1, 'must say what happened').max(2000),
  milestone: milestone.optional(),
});

export const whyStep = z.strictObject({
  why: z.string().trim().min(1, 'must ask the question').max(1000),
  because: z.string().trim().min(1, 'must give the answer').max(2000),
});
export const whyChain = z.strictObject({ title: z.string().trim().max(200).optional(), steps: z.array(whyStep).min(1).max(20) });

export const impact = z.strictObject({
  description: z.string().max(10_000).default(''),
  customersAffected: z.number().int().min(0).nullable().default(null),
  durationMinutes: z.number().min(0).nullable().default(null),
  failedRequests: z.number().int().min(0).nullable().default(null),
  money: z.number().min(0).nullable().default(null),
});

export const questions = z.strictObject({
  detection: z.string().max(10_000).default(''),
  diagnosis: z.string().max(10_000).default(''),
  mitigation: z.string().max(10_000).default(''),
  prevention: z.string().max(10_000).default(''),
});

/** Each section has its own version, so two people editing different sections never collide. */
export const sectionContent = {
  summary: z.string().max(20_000),
  impact,
  timeline: z.array(coeTimelineEntry).max(500),
  rootCause: z.array(whyChain).max(10),
  questions,
  wentWell: z.string().max(20_000),
  lessons: z.string().max(20_000),
} as const;
export const sectionName = z.enum(['summary', 'impact', 'timeline', 'rootCause', 'questions', 'wentWell', 'lessons']);
export type SectionName = z.infer<typeof sectionName>;

export const coeSection = z.object({ name: sectionName, guidance: z.string(), content: z.unknown(), version: z.number().int(), updatedBy: z.string().nullable(), updatedAt: isoDateTime.nullable() });

export const actionItemStatus = z.enum(['open', 'in_progress', 'done', 'wont_do']);
export const actionItem = z.object({
  id: z.string(),
  coe: z.number().int(),
  title: z.string(),
  owner: z.string(),
  team: z.string(),
  dueDate: z.string(),
  priority: z.enum(['high', 'medium', 'low']),
  type: z.enum(['mitigate', 'prevent', 'process']),
  status: actionItemStatus,
  wontDoReason: z.string().nullable(),
  link: z.string().nullable(),
  overdue: z.boolean(),
  closedAt: isoDateTime.nullable(),
  version: z.number().int(),
});
export type ActionItem = z.infer<typeof actionItem>;

const dueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const createActionItemBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  owner: entityName,
  team: entityName.optional(),
  dueDate,
  priority: z.enum(['high', 'medium', 'low']).default('medium'),
  type: z.enum(['mitigate', 'prevent', 'process']),
  link: linkUrl.optional(),
});
export const patchActionItemBody = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  owner: entityName.optional(),
  dueDate: dueDate.optional(),
  priority: z.enum(['high', 'medium', 'low']).optional(),
  status: actionItemStatus.optional(),
  wontDoReason: z.string().trim().min(1).max(2000).optional(),
  link: linkUrl.nullable().optional(),
});

export const lintFinding = z.object({ section: z.string(), code: z.enum(['NAMES_A_PERSON', 'HUMAN_ERROR_ROOT_CAUSE', 'SHALLOW_WHYS', 'IMPACT_WITHOUT_NUMBERS', 'NO_ACTION_ITEMS']), message: z.string() });

/** A label for the learning library: lower-case letters and digits separated by single dashes. */
export const coeTag = z
  .string()
  .trim()
  .toLowerCase()
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits separated by single dashes, e.g. card-payments');

export const coe = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  team: z.string(),
  status: coeStatus,
  services: z.array(z.string()),
  pulls: z.array(z.string()),
  tags: z.array(z.string()),
  createdBy: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type Coe = z.infer<typeof coe>;

export const coeDetail = coe.extend({
  sections: z.array(coeSection),
  actionItems: z.array(actionItem),
  reviews: z.array(z.object({ reviewer: z.string(), at: isoDateTime, note: z.string() })),
  comments: z.array(z.object({ section: z.string(), author: z.string(), at: isoDateTime, body: z.string() })),
  durations: z.object({ secondsToDetect: z.number().nullable(), secondsToMitigate: z.number().nullable(), secondsToResolve: z.number().nullable() }),
  lint: z.array(lintFinding),
  related: z.array(z.object({ number: z.number().int(), title: z.string() })),
  attachments: z.array(attachment),
});

export const createCoeBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  team: entityName,
  services: z.array(z.string().max(200)).max(50).optional(),
  pulls: z.array(z.string().max(100)).max(50).optional(),
  tags: z.array(coeTag).max(20).optional(),
});
const coeDay = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });
export const coesQuery = pageQuery.extend({
  team: z.string().max(63).optional(),
  status: coeStatus.optional(),
  service: z.string().max(200).optional(),
  tag: z.string().max(40).optional(),
  q: z.string().max(200).optional(),
  from: coeDay.optional().describe('only COEs written on or after this day (UTC)'),
  to: coeDay.optional().describe('only COEs written on or before this day (UTC)'),
});
export const coesPage = page(coe);
export const coeParams = z.strictObject({ number: z.coerce.number().int().min(1) });
export const sectionParams = z.strictObject({ number: z.coerce.number().int().min(1), section: sectionName });
export const actionItemParams = z.strictObject({ number: z.coerce.number().int().min(1), id: z.string().min(1).max(100) });
export const putSectionBody = z.strictObject({ content: z.unknown() });
export const reviewBody = z.strictObject({ note: z.string().trim().min(1).max(5000) });
export const coeCommentBody = z.strictObject({ section: sectionName, body: z.string().trim().min(1).max(5000) });
export const actionItemsQuery = pageQuery.extend({ owner: z.string().max(63).optional(), team: z.string().max(63).optional(), status: z.enum(['open', 'closed', 'all']).default('open'), overdue: z.enum(['true', 'false']).optional() });
export const actionItemsPage = page(actionItem);

/** A metric CSV as the server parsed it: the value column's name and its points in time order. */
export const metricSeries = z.object({ name: z.string(), points: z.array(z.object({ at: isoDateTime, value: z.number() })) });
export const supportingData = z.object({
  milestones: z.array(z.object({ milestone, at: isoDateTime })),
  charts: z.array(attachment.extend({ series: metricSeries })),
  images: z.array(attachment),
});
export const coeAttachmentParams = z.strictObject({ number: z.coerce.number().int().min(1), id: z.string().min(1).max(100) });
export const coeTagBody = z.strictObject({ tag: coeTag });
export const coeTagParams = z.strictObject({ number: z.coerce.number().int().min(1), tag: z.string().min(1).max(40) });
export const coeTags = z.object({ tags: z.array(z.string()) });

/** Seconds from the started milestone, over the COEs of a month that have both milestones. */
const durationSummary = z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() });
export const coeFiguresQuery = z.strictObject({
  team: z.string().min(1).max(63).optional().describe('a team; its sub-teams are included. Absent: every team'),
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export const coeFigures = z.object({
  team: z.string().nullable(),
  teams: z.array(z.string()),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM (UTC)'),
      coes: z.number().int(),
      timeToDetect: durationSummary,
      timeToMitigate: durationSummary,
      timeToResolve: durationSummary,
      actionItems: z.object({ due: z.number().int(), onTime: z.number().int(), onTimePercent: z.number().nullable() }),
    }),
  ),
  services: z.array(z.object({ service: z.string(), coes: z.number().int() })),
});
