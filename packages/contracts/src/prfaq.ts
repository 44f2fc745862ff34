import { z } from 'zod';
import { entityName, isoDateTime, page, pageQuery } from './common';
import { prfaqLintResult } from './prfaq-lint';
import { attachment } from './attachments';

/* ───────────── The document: sections and what each asks for ───────────── */

export const prfaqStatus = z.enum(['draft', 'in_review', 'decided', 'building', 'launched', 'shelved']);
export type PrfaqStatus = z.infer<typeof prfaqStatus>;

export const prfaqSectionName = z.enum(['pressRelease', 'externalFaq', 'internalFaq', 'customerExperience', 'userManual']);
export type PrfaqSectionName = z.infer<typeof prfaqSectionName>;
export const PRFAQ_SECTION_NAMES = prfaqSectionName.options;

/** Markdown text; the web renders it sanitised. */
const markdown = (max = 20_000) => z.string().max(max).default('');

export const prfaqPressRelease = z.strictObject({
  heading: markdown(300),
  subheading: markdown(600),
  /** The dateline the summary opens with: "SEATTLE — (Day One Wire) — 1 March 2027 —". */
  city: markdown(100),
  outlet: markdown(100),
  launchDate: markdown(100),
  summary: markdown(),
  problem: markdown(),
  solution: markdown(),
  leaderQuote: markdown(),
  gettingStarted: markdown(),
  customerQuote: markdown(),
  callToAction: markdown(),
});
export type PrfaqPressRelease = z.infer<typeof prfaqPressRelease>;
/** The parts a decision needs before it may be requested. */
export const REQUIRED_FOR_DECISION = ['heading', 'summary', 'problem', 'solution'] as const;

export const prfaqFaqEntry = z.strictObject({
  question: z.string().trim().min(1, 'must ask the question').max(1000),
  answer: markdown(),
});
/** The internal FAQ starts with one question per topic below; `topic` says which prompt an entry answers. */
export const prfaqInternalFaqTopic = z.enum(['marketSize', 'economics', 'dependencies', 'risks', 'whatMustBeTrue']);
export type PrfaqInternalFaqTopic = z.infer<typeof prfaqInternalFaqTopic>;
export const prfaqInternalFaqEntry = prfaqFaqEntry.extend({ topic: prfaqInternalFaqTopic.optional() });

/** Mock-ups are images: an uploaded attachment (`/api/v1/attachments/<id>`) or an http(s) address. */
export const prfaqMockupUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(https?:\/\/[^\s]+|\/api\/v1\/attachments\/[A-Za-z0-9_-]+(\/[^\s]*)?)$/i, 'must be an http(s) address or /api/v1/attachments/<id>');
export const prfaqMockup = z.strictObject({ url: prfaqMockupUrl, alt: z.string().trim().min(1, 'describe the image for people who cannot see it').max(300), caption: markdown(1000) });
export const prfaqUseCase = z.strictObject({
  title: z.string().trim().min(1, 'must name the use case').max(300),
  description: markdown(),
  /** A code sample showing the use case, with its language for highlighting. */
  code: z.string().max(20_000).default(''),
  language: z.string().max(40).default(''),
});
export const prfaqCustomerExperience = z.strictObject({
  narrative: markdown(),
  useCases: z.array(prfaqUseCase).max(50).default([]),
  mockups: z.array(prfaqMockup).max(30).default([]),
});
export const prfaqUserManual = z.strictObject({ concepts: markdown(), howTo: markdown(), reference: markdown() });

/** What a PUT of each section takes (missing text fields become empty). */
export const prfaqSectionContent = {
  pressRelease: prfaqPressRelease,
  externalFaq: z.array(prfaqFaqEntry).max(200),
  internalFaq: z.array(prfaqInternalFaqEntry).max(200),
  customerExperience: prfaqCustomerExperience,
  userManual: prfaqUserManual,
} as const;
export interface PrfaqSectionContents {
  pressRelease: PrfaqPressRelease;
  externalFaq: z.infer<typeof prfaqFaqEntry>[];
  internalFaq: z.infer<typeof prfaqInternalFaqEntry>[];
  customerExperience: z.infer<typeof prfaqCustomerExperience>;
  userManual: z.infer<typeof prfaqUserManual>;
}

/** Guidance the editor shows beside each section. */
export const PRFAQ_SECTION_GUIDANCE: Record<PrfaqSectionName, string> = {
  pressRelease:
    'The press release you would publish on launch day, written for the customer, not for us. About one page (under 600 words). Write it before any code: if it is not exciting, the product is not either.',
  externalFaq: 'The questions customers and the press will ask, answered plainly: price, availability, how it differs from what they use today, what it does not do.',
  internalFaq:
    'The questions your leaders will ask. Answer each prompt with numbers: how big the market is, the economics, what you depend on, the risks, and what must be true for this to work.',
  customerExperience: 'Show what the customer sees and does: mock-ups of the screens, and use cases step by step with the code or commands they would run.',
  userManual: 'The manual a customer would read: the concepts they need, how to do the common tasks, and the reference.',
};

export const PRESS_RELEASE_GUIDANCE: Record<keyof PrfaqPressRelease, string> = {
  heading: 'One sentence a customer would understand: the product name and what it does for them.',
  subheading: 'One sentence: who the customer is and the benefit they get.',
  city: 'Where the news is announced (the dateline opens the summary).',
  outlet: 'Where it is published, e.g. a newswire or your blog.',
  launchDate: 'The day you intend to launch.',
  summary: 'Opens with city, outlet and launch date; then the product and its benefit in a few sentences. Name the customer.',
  problem: 'The problem the customer has today, from their point of view, with evidence. Name the customer.',
  solution: 'How the product solves the problem, simply. What the customer can now do.',
  leaderQuote: 'A quote from the leader of the team: why we built it and why it matters to customers.',
  gettingStarted: 'How easy it is to start: the steps, the price, where to go.',
  customerQuote: 'A quote from a hypothetical customer describing the benefit, with a number (time saved, money, errors).',
  callToAction: 'Where to go and what to do next, in one line.',
};

export const INTERNAL_FAQ_PROMPTS: { topic: PrfaqInternalFaqTopic; question: string; guidance: string }[] = [
  { topic: 'marketSize', question: 'How many customers have this problem, and how big is the market?', guidance: 'Count the customers and the money; name your source.' },
  { topic: 'economics', question: 'What are the economics: price, cost to build and to run, and when does it pay back?', guidance: 'Unit economics and the investment, with ranges where you are unsure.' },
  { topic: 'dependencies', question: 'What do we depend on: other teams, partners, technology?', guidance: 'Each dependency, who owns it, and what happens if it slips.' },
  { topic: 'risks', question: 'What are the biggest risks, and how will we know early?', guidance: 'Technical, market and execution risks, each with the signal you will watch.' },
  { topic: 'whatMustBeTrue', question: 'What must be true for this to succeed?', guidance: 'The assumptions that, if false, would sink it; the cheapest way to test each.' },
];

export const CUSTOMER_EXPERIENCE_GUIDANCE = {
  narrative: 'The experience in prose: what the customer sees and does, start to finish.',
  useCases: 'Each use case: a title, the steps, and the code or commands the customer runs.',
  mockups: 'Images of the screens (upload them or link them); describe each for screen readers.',
} as const;
export const USER_MANUAL_GUIDANCE = {
  concepts: 'The few ideas a customer must understand to use the product.',
  howTo: 'Task by task: how to do the common things.',
  reference: 'Every setting, command and limit.',
} as const;

/* ───────────── Documents and versions ───────────── */

/** A bold bet: the probability the PR/FAQ succeeds, its payoff as a multiple of the cost, and the cost. */
export const prfaqBet = z.strictObject({
  probability: z.number().min(0).max(1),
  payoff: z.number().min(0).max(1_000_000).describe('payoff if it succeeds, as a multiple of the cost'),
  cost: z.number().min(0).max(1e15),
});
export type PrfaqBet = z.infer<typeof prfaqBet>;

export const prfaq = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  team: z.string(),
  author: z.string(),
  customer: z.string(),
  status: prfaqStatus,
  /** The outcome once decided (kept through building and launched). */
  decision: z.enum(['yes', 'no']).nullable(),
  /** The content version: every save makes a new one. */
  currentVersion: z.number().int(),
  bet: prfaqBet.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Version of the title, customer and bet (ETag of the document; PATCH takes it as If-Match). */
  version: z.number().int(),
});
export type Prfaq = z.infer<typeof prfaq>;

export const prfaqSection = z.object({
  name: prfaqSectionName,
  guidance: z.string(),
  content: z.unknown(),
  /** The section's own version: PUT it as If-Match. */
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: isoDateTime.nullable(),
});
export type PrfaqSection = z.infer<typeof prfaqSection>;
/** A section save answers the section and the content version it made. */
export const prfaqSectionSaved = prfaqSection.extend({ documentVersion: z.number().int() });

export const prfaqStatusEvent = z.object({ from: prfaqStatus.nullable(), to: prfaqStatus, by: z.string(), at: isoDateTime, note: z.string() });

export const prfaqVersionSummary = z.object({
  number: z.number().int(),
  /** What the save changed: a section name, `created` or `details` (title or customer). */
  changed: z.string(),
  savedBy: z.string(),
  savedAt: isoDateTime,
});
export const prfaqVersionsPage = page(prfaqVersionSummary);
export const prfaqVersion = prfaqVersionSummary.extend({
  title: z.string(),
  customer: z.string(),
  sections: z.array(z.object({ name: prfaqSectionName, content: z.unknown() })),
});
export type PrfaqVersion = z.infer<typeof prfaqVersion>;

export const prfaqFieldChange = z.object({ path: z.string().describe('e.g. heading, 2.answer, mockups.0.url'), from: z.unknown(), to: z.unknown() });
export const prfaqComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.object({ from: z.string(), to: z.string(), changed: z.boolean() }),
  customer: z.object({ from: z.string(), to: z.string(), changed: z.boolean() }),
  sections: z.array(z.object({ name: prfaqSectionName, changed: z.boolean(), from: z.unknown(), to: z.unknown(), changes: z.array(prfaqFieldChange) })),
});

/* ───────────── Review rounds ───────────── */

/** A passage: a text field of a section (`summary`, `2.answer`, `useCases.0.description`, `howTo`),
 *  UTF-16 offsets into it, and the text quoted (it must equal field.slice(start, end) in the round's version). */
export const prfaqCommentAnchor = z.strictObject({
  section: prfaqSectionName,
  field: z.string().min(1).max(100),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: z.string().min(1).max(5000),
});
export type PrfaqCommentAnchor = z.infer<typeof prfaqCommentAnchor>;

/** One comment. A reply names its parent (a thread's first comment or another reply). */
export const prfaqComment = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: z.string(),
  at: isoDateTime,
  body: z.string(),
  anchor: prfaqCommentAnchor.nullable(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
});
export type PrfaqComment = z.infer<typeof prfaqComment>;
/** A thread: its first comment (which may point at a passage) and every reply under it, in order. */
export const prfaqThread = prfaqComment.extend({ replies: z.array(prfaqComment) });
export type PrfaqThread = z.infer<typeof prfaqThread>;

export const prfaqReviewRound = z.object({
  number: z.number().int(),
  /** The content version under review, frozen for the round. */
  version: z.number().int(),
  startedBy: z.string(),
  startedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  reviewers: z.array(z.string()),
  wordCount: z.number().int(),
  /** Suggested silent-reading time: words / 200 per minute, rounded up. */
  readingMinutes: z.number().int(),
  openComments: z.number().int(),
});
export type PrfaqReviewRound = z.infer<typeof prfaqReviewRound>;
/** The meeting view: the frozen document, the reading timer's minutes, and the threads. */
export const prfaqReviewMeeting = prfaqReviewRound.extend({ document: prfaqVersion, comments: z.array(prfaqThread) });

export const startReviewRoundBody = z.strictObject({ reviewers: z.array(entityName).max(100).default([]) });
export const inviteReviewersBody = z.strictObject({ reviewers: z.array(entityName).min(1).max(100) });
export const prfaqCommentBody = z.strictObject({
  body: z.string().trim().min(1).max(10_000),
  /** A top-level comment may point at a passage; a reply (parentId) belongs to its parent's thread. */
  anchor: prfaqCommentAnchor.optional(),
  parentId: z.string().min(1).max(100).optional(),
});
export const resolvePrfaqCommentBody = z.strictObject({ resolved: z.boolean().default(true) });

/* ───────────── Decisions: the Institutional Yes ───────────── */

export const decisionDoor = z.enum(['two_way', 'one_way']);
export const prfaqDecisionState = z.enum(['open', 'escalated', 'decided']);
/** How an outcome came: the window closing in silence (two-way default yes), or a person deciding. */
export const prfaqDecidedHow = z.enum(['default', 'decider']);
export const MIN_NO_WORDS = 50;

export const prfaqDecisionEvent = z.object({
  type: z.enum(['requested', 'no', 'escalated', 'redirected', 'decided', 'commitment']),
  at: isoDateTime,
  /** Who acted; `system` for what the window's scheduler did. */
  by: z.string(),
  /** The leader it went to (escalated, redirected). */
  to: z.string().nullable(),
  reasons: z.string(),
  wouldChangeMind: z.string(),
});
export const prfaqDecision = z.object({
  id: z.string(),
  prfaq: z.number().int(),
  title: z.string(),
  team: z.string(),
  door: decisionDoor,
  /** The content version the decision is about. */
  version: z.number().int(),
  requestedBy: z.string(),
  requestedAt: isoDateTime,
  windowSeconds: z.number().int(),
  state: prfaqDecisionState,
  /** When the window closes (a two-way door's default yes; a silent decider's escalation); null once decided or when nobody is left above. */
  dueAt: isoDateTime.nullable(),
  /** Who must decide now: the one-way door's decider, or the leader a no escalated to; null in a two-way window. */
  decider: z.string().nullable(),
  outcome: z.enum(['yes', 'no']).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  how: prfaqDecidedHow.nullable(),
  reasons: z.string(),
  wouldChangeMind: z.string(),
  secondsToDecision: z.number().int().nullable(),
  nos: z.array(z.object({ by: z.string(), at: isoDateTime, reasons: z.string(), wouldChangeMind: z.string() })),
  commitments: z.array(z.object({ by: z.string(), at: isoDateTime, note: z.string() })),
  events: z.array(prfaqDecisionEvent),
});
export type PrfaqDecision = z.infer<typeof prfaqDecision>;

export const requestPrfaqDecisionBody = z.strictObject({
  door: decisionDoor,
  /** One-way door only: who decides (default: the leader of the owning team's parent team). */
  decider: entityName.optional(),
});
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
export const countWords = words;
/** A written no: reasons (at least MIN_NO_WORDS words, checked by the server with code PRFAQ_NO_TOO_SHORT) and what would change the writer's mind. */
export const prfaqWrittenNoBody = z.strictObject({
  reasons: z.string().trim().min(1).max(20_000),
  wouldChangeMind: z.string().trim().min(1, 'say what would change your mind').max(20_000),
});
export const prfaqDecideBody = z.strictObject({
  answer: z.enum(['yes', 'no']),
  /** Why; required (and at least MIN_NO_WORDS words) for a no. */
  reasons: z.string().trim().max(20_000).default(''),
  wouldChangeMind: z.string().trim().max(20_000).default(''),
});
export const prfaqRedirectBody = z.strictObject({ leader: entityName, note: z.string().trim().max(5000).default('') });
export const prfaqCommitmentBody = z.strictObject({ note: z.string().trim().max(5000).default('') });

export const prfaqDecisionsQuery = pageQuery.extend({
  team: z.string().max(63).optional(),
  outcome: z.enum(['yes', 'no']).optional(),
  state: prfaqDecisionState.optional(),
});
export const prfaqDecisionsPage = page(prfaqDecision);

/* ───────────── Bold bets ───────────── */

/** A long shot: probability of success at most 0.1 and a payoff of at least 10 times the cost. */
export const LONG_SHOT = { maxProbability: 0.1, minPayoff: 10 } as const;
export const prfaqPortfolioBet = z.object({
  number: z.number().int(),
  title: z.string(),
  team: z.string(),
  status: prfaqStatus,
  probability: z.number(),
  payoff: z.number(),
  cost: z.number(),
  /** probability × payoff × cost: what the bet returns on average. */
  expectedReturn: z.number(),
  /** expectedReturn − cost. */
  expectedValue: z.number(),
  longShot: z.boolean(),
});
export const prfaqPortfolio = z.object({
  bets: z.array(prfaqPortfolioBet),
  totalCost: z.number(),
  expectedReturn: z.number(),
  expectedValue: z.number(),
  longShots: z.number().int(),
  /** True when the portfolio holds bets but not one long shot. */
  noLongShots: z.boolean(),
  advice: z.string().nullable(),
});
export const prfaqPortfolioQuery = z.strictObject({ team: z.string().max(63).optional() });

/* ───────────── Requests and replies ───────────── */

export const prfaqDetail = prfaq.extend({
  sections: z.array(prfaqSection),
  statusHistory: z.array(prfaqStatusEvent),
  rounds: z.array(prfaqReviewRound),
  decisions: z.array(prfaqDecision),
  /** The writing coach's advice on the current version (null until the coach is available). */
  coach: prfaqLintResult.nullable(),
});
export type PrfaqDetail = z.infer<typeof prfaqDetail>;

export const createPrfaqBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  team: entityName,
  customer: z.string().trim().max(1000).default(''),
});
export const patchPrfaqBody = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  customer: z.string().trim().max(1000).optional(),
  bet: prfaqBet.nullable().optional(),
});
/** Status steps a person takes by hand; in_review and decided follow review rounds and decisions. */
export const prfaqStatusBody = z.strictObject({ status: z.enum(['draft', 'building', 'launched', 'shelved']), note: z.string().trim().max(5000).default('') });

export const prfaqsQuery = pageQuery.extend({
  team: z.string().max(63).optional(),
  status: prfaqStatus.optional(),
  author: z.string().max(63).optional(),
  q: z.string().max(200).optional(),
});
export const prfaqsPage = page(prfaq);
export const prfaqParams = z.strictObject({ number: z.coerce.number().int().min(1) });
export const prfaqSectionParams = prfaqParams.extend({ section: prfaqSectionName });
export const prfaqVersionParams = prfaqParams.extend({ version: z.coerce.number().int().min(1) });
export const prfaqCompareQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const prfaqMarkdownQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const putPrfaqSectionBody = z.strictObject({ content: z.unknown() });
export const prfaqRoundParams = prfaqParams.extend({ round: z.coerce.number().int().min(1) });
export const prfaqCommentParams = prfaqRoundParams.extend({ id: z.string().min(1).max(100) });
export const prfaqDecisionParams = prfaqParams.extend({ id: z.string().min(1).max(100) });
export const prfaqRoundsList = z.object({ items: z.array(prfaqReviewRound) });
export const prfaqDecisionsList = z.object({ items: z.array(prfaqDecision) });
/** Mock-up images uploaded to a PR/FAQ (POST …/mockups with the image as the body). */
export const prfaqMockupsList = z.object({ items: z.array(attachment) });

/* ───────────── The decision window (DAYONE_DECISION_WINDOW, or the admin's setting) ───────────── */

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** Seconds in a duration such as `72h`, `30m`, `5s`, `2d` or `1h30m` (at most 365 days); null when it is not one. */
export function parseDurationSeconds(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+[smhd])+$/.test(trimmed)) return null;
  let seconds = 0;
  for (const [, n, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) seconds += Number(n) * DURATION_UNITS[unit];
  return seconds > 0 && seconds <= 365 * 86_400 ? seconds : null;
}
export const decisionWindowText = z
  .string()
  .trim()
  .max(20)
  .refine((s) => parseDurationSeconds(s) !== null, 'must be a duration such as 72h, 30m or 5s (1 second to 365 days)');
export const prfaqSettings = z.object({
  /** The admin's setting; null when the environment (or the 72-hour default) applies. */
  decisionWindow: z.string().nullable(),
  /** The window new requests get now, and where it comes from. */
  windowSeconds: z.number().int(),
  source: z.enum(['setting', 'environment', 'default']),
  /** The instance settings' version (ETag; PATCH takes it as If-Match). */
  version: z.number().int(),
});
export const patchPrfaqSettingsBody = z.strictObject({ decisionWindow: decisionWindowText.nullable() });
