import { z } from 'zod';

/** The parts of a Working Backwards press release, in the order they are read. */
export const PRFAQ_PRESS_RELEASE_PARTS = [
  'heading',
  'subheading',
  'summary',
  'problem',
  'solution',
  'leaderQuote',
  'gettingStarted',
  'customerQuote',
  'callToAction',
] as const;
export type PrfaqPressReleasePart = (typeof PRFAQ_PRESS_RELEASE_PARTS)[number];

/** The most text the coach reads at once: about 30 pages, five times the six a PR/FAQ should fill. */
export const PRFAQ_LINT_MAX_CHARACTERS = 100_000;

const lintText = z.string().max(20_000);
const lintFaqEntry = z.strictObject({ question: lintText.optional(), answer: lintText.optional() });

const lintPressRelease = z.strictObject({
  heading: lintText.optional(),
  subheading: lintText.optional(),
  summary: lintText.optional(),
  problem: lintText.optional(),
  solution: lintText.optional(),
  leaderQuote: lintText.optional(),
  gettingStarted: lintText.optional(),
  customerQuote: lintText.optional(),
  callToAction: lintText.optional(),
});

/** An unsaved PR/FAQ as the writing coach reads it; every part is optional (a draft may lack any). */
export const prfaqLintBody = z
  .strictObject({
    customer: z.string().max(1000).optional(),
    pressRelease: lintPressRelease.optional(),
    externalFaq: z.array(lintFaqEntry).max(200).optional(),
    internalFaq: z.array(lintFaqEntry).max(200).optional(),
  })
  .superRefine((doc, ctx) => {
    const faq = [...(doc.externalFaq ?? []), ...(doc.internalFaq ?? [])].flatMap((e) => [e.question, e.answer]);
    const texts = [doc.customer, ...Object.values(doc.pressRelease ?? {}), ...faq];
    const total = texts.reduce((n, text) => n + (text?.length ?? 0), 0);
    if (total > PRFAQ_LINT_MAX_CHARACTERS) ctx.addIssue({ code: 'custom', message: `the coach reads up to ${PRFAQ_LINT_MAX_CHARACTERS} characters at once; this document has ${total}` });
  });
export type PrfaqLintInput = z.infer<typeof prfaqLintBody>;

/** Scoring categories; their maximum points add up to 100. */
export const prfaqLintCategoryName = z.enum(['structure', 'customer', 'readability', 'words', 'sentences', 'passive', 'length', 'acronyms']);
export type PrfaqLintCategoryName = z.infer<typeof prfaqLintCategoryName>;

/** Every rule the coach applies, and the category whose points it costs. */
export const PRFAQ_LINT_RULES = {
  'missing-part': 'structure',
  'one-sentence': 'structure',
  'unanswered-question': 'structure',
  'customer-missing': 'customer',
  'customer-not-in-summary': 'customer',
  'customer-not-in-problem': 'customer',
  'quote-without-number': 'customer',
  'reading-ease': 'readability',
  'grade-level': 'readability',
  'weasel-word': 'words',
  'needs-data': 'words',
  adverb: 'words',
  'starts-with-so': 'words',
  'there-is': 'words',
  wordy: 'words',
  cliche: 'words',
  'repeated-word': 'words',
  'long-sentence': 'sentences',
  'passive-voice': 'passive',
  'press-release-too-long': 'length',
  'document-too-long': 'length',
  'undefined-acronym': 'acronyms',
} as const satisfies Record<string, PrfaqLintCategoryName>;
export type PrfaqLintRule = keyof typeof PRFAQ_LINT_RULES;
export const prfaqLintRule = z.enum(Object.keys(PRFAQ_LINT_RULES) as [PrfaqLintRule, ...PrfaqLintRule[]]);

/** One piece of advice. `section` names a text field (`pressRelease.summary`, `externalFaq[2].answer`,
 *  `customer`) or a whole (`pressRelease`, `document`); `start`/`end` are UTF-16 offsets into that
 *  field's text (`text.slice(start, end)` is the passage), both 0 for advice about a whole. */
export const prfaqLintFinding = z.object({
  rule: prfaqLintRule,
  section: z.string(),
  message: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type PrfaqLintFinding = z.infer<typeof prfaqLintFinding>;

export const prfaqLintCategory = z.object({
  name: prfaqLintCategoryName,
  score: z.number().int().min(0),
  max: z.number().int().min(0),
  findings: z.number().int().min(0),
});
export type PrfaqLintCategory = z.infer<typeof prfaqLintCategory>;

/** Figures the score is built from, for the editor to show beside it. */
export const prfaqLintMetrics = z.object({
  pressReleaseWords: z.number().int(),
  documentWords: z.number().int(),
  pages: z.number(),
  readingEase: z.number().nullable(),
  gradeLevel: z.number().nullable(),
});
export type PrfaqLintMetrics = z.infer<typeof prfaqLintMetrics>;

export const prfaqLintResult = z.object({
  score: z.number().int().min(0).max(100),
  categories: z.array(prfaqLintCategory),
  findings: z.array(prfaqLintFinding),
  metrics: prfaqLintMetrics,
});
export type PrfaqLintResult = z.infer<typeof prfaqLintResult>;
