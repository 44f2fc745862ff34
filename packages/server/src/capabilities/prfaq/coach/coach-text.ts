import { PRFAQ_PRESS_RELEASE_PARTS, type PrfaqPressReleasePart } from '@dayone/contracts';
import { maskMarkdown } from './markdown-mask';
import { segmentSentences, type Sentence } from './sentences';
import { memoByText } from './text-memo';

/** What the coach reads: the API body, or a saved document (whose fields may be null or carry more). */
export interface CoachInput {
  customer?: string | null;
  pressRelease?: Partial<Record<PrfaqPressReleasePart, string | null>> | null;
  externalFaq?: ({ question?: string | null; answer?: string | null } | null)[] | null;
  internalFaq?: ({ question?: string | null; answer?: string | null } | null)[] | null;
}

/** One text field, read once: its name in findings, the author's text, the text with Markdown syntax
 *  blanked out (same offsets), and its sentences. */
export interface CoachSection {
  name: string;
  /** The press-release part, for sections of the press release. */
  part?: PrfaqPressReleasePart;
  text: string;
  prose: string;
  sentences: Sentence[];
  words: number;
}

export interface CoachDocument {
  customer: string;
  /** The nine press-release parts in order, present or not. */
  pressRelease: CoachSection[];
  /** Questions and answers of the external then the internal FAQ, in order. */
  faq: CoachSection[];
  /** Every section in reading order: the press release, then the FAQs. */
  all: CoachSection[];
}

const asText = (value: unknown) => (typeof value === 'string' ? value : '');

const maskOnce = memoByText(maskMarkdown);

function readSection(name: string, value: unknown, part?: PrfaqPressReleasePart): CoachSection {
  const text = asText(value);
  const prose = maskOnce(text);
  const sentences = segmentSentences(prose);
  return { name, part, text, prose, sentences, words: sentences.reduce((n, s) => n + s.words.length, 0) };
}

function readFaq(list: string, entries: CoachInput['externalFaq']): CoachSection[] {
  return (Array.isArray(entries) ? entries : []).flatMap((entry, i) => [
    readSection(`${list}[${i}].question`, entry?.question),
    readSection(`${list}[${i}].answer`, entry?.answer),
  ]);
}

export function readDocument(input: CoachInput): CoachDocument {
  const pr = input.pressRelease ?? {};
  const pressRelease = PRFAQ_PRESS_RELEASE_PARTS.map((part) => readSection(`pressRelease.${part}`, pr[part], part));
  const faq = [...readFaq('externalFaq', input.externalFaq), ...readFaq('internalFaq', input.internalFaq)];
  return { customer: asText(input.customer).trim(), pressRelease, faq, all: [...pressRelease, ...faq] };
}

/** A part counts as written once it has a word; Markdown marks or an emoji alone do not. */
export const isWritten = (section: CoachSection) => section.words > 0;
