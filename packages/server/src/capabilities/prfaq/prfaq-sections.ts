import {
  INTERNAL_FAQ_PROMPTS, PRFAQ_SECTION_GUIDANCE, PRFAQ_SECTION_NAMES, REQUIRED_FOR_DECISION, countWords, prfaqSectionContent,
  type PrfaqSectionContents, type PrfaqSectionName,
} from '@dayone/contracts';
import { AppError, fieldError } from '../../platform/errors/app-error';

export { PRFAQ_SECTION_GUIDANCE, PRFAQ_SECTION_NAMES };
export type Sections = PrfaqSectionContents;

/** A new document: every part empty, the internal FAQ opened with one question per prompt. */
export function emptySections(): Sections {
  return {
    pressRelease: prfaqSectionContent.pressRelease.parse({}),
    externalFaq: [],
    internalFaq: INTERNAL_FAQ_PROMPTS.map((p) => ({ question: p.question, answer: '', topic: p.topic })),
    customerExperience: prfaqSectionContent.customerExperience.parse({}),
    userManual: prfaqSectionContent.userManual.parse({}),
  };
}

/** Validates a section's content against its contract, naming the field at fault (content.…). */
export function parseSection<N extends PrfaqSectionName>(name: N, content: unknown): Sections[N] {
  const parsed = prfaqSectionContent[name].safeParse(content);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: ['content', ...i.path].join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  return parsed.data as Sections[N];
}

/** The text at a dotted path inside a section (`summary`, `2.answer`, `useCases.0.code`), or null. */
export function textAt(content: unknown, field: string): string | null {
  let node: unknown = content;
  for (const key of field.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(key)) return null;
      node = node[Number(key)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(node, key)) return null;
      node = (node as Record<string, unknown>)[key];
    }
  }
  return typeof node === 'string' ? node : null;
}

/** Every leaf of a section by its dotted path, for comparing versions field by field. */
export function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [k, v] of entries) for (const [p, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, leaf);
  } else if (prefix) out.set(prefix, value);
  return out;
}

/** All the prose a reader reads, for the word count and the silent-reading time. */
export function wordCount(s: Sections): number {
  let words = 0;
  for (const name of PRFAQ_SECTION_NAMES) {
    for (const [path, text] of leaves(s[name])) if (typeof text === 'string' && !/(^|\.)(topic|language|url)$/.test(path)) words += countWords(text);
  }
  return words;
}

/** Minutes of silent reading: 200 words a minute, a careful pace below the ~238 wpm average for
 *  non-fiction reported by Brysbaert (2019, "How many words do we read per minute?"), rounded up. */
export const READING_WORDS_PER_MINUTE = 200;
export const readingMinutes = (words: number) => Math.max(1, Math.ceil(words / READING_WORDS_PER_MINUTE));

/** A decision needs a heading, summary, problem and solution; the refusal names what is missing. */
export function assertDecidable(s: Sections): void {
  const missing = REQUIRED_FOR_DECISION.filter((part) => !s.pressRelease[part].trim());
  if (missing.length) {
    throw new AppError('PRFAQ_INCOMPLETE', `A decision needs the press release's ${missing.join(', ')}; write ${missing.length === 1 ? 'it' : 'them'} first.`, {
      extensions: { missing: missing.map((m) => `pressRelease.${m}`) },
    });
  }
}

export function mustBeText(path: string, text: string | null, section: string): string {
  if (text === null) throw fieldError(path, `is not a text field of ${section}`);
  return text;
}
