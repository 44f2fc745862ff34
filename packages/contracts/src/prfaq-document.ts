import { z } from 'zod';
import { isoDateTime, page } from './common';

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
