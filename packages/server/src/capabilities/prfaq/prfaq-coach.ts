import { PRFAQ_PRESS_RELEASE_PARTS, type PrfaqLintInput } from '@dayone/contracts';
import type { Sections } from './prfaq-sections';

/** A saved version as the writing coach reads it: the customer, the press release's parts, and both
 *  FAQs (the dateline fields and the rest of the document are not the coach's). */
export function coachInput(sections: Sections, customer: string): PrfaqLintInput {
  return {
    customer,
    pressRelease: Object.fromEntries(PRFAQ_PRESS_RELEASE_PARTS.map((part) => [part, sections.pressRelease[part]])),
    externalFaq: sections.externalFaq.map(({ question, answer }) => ({ question, answer })),
    internalFaq: sections.internalFaq.map(({ question, answer }) => ({ question, answer })),
  };
}
