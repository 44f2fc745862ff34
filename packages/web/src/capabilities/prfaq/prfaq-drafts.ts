import { INTERNAL_FAQ_PROMPTS, type PrfaqDetail, type PrfaqSectionName } from '@dayone/contracts';

type Faq = { question: string; answer: string; topic?: string }[];
export type Drafts = {
  pressRelease: Record<string, string>;
  externalFaq: Faq;
  internalFaq: Faq;
  customerExperience: { narrative: string; useCases: unknown[]; mockups: { url: string; alt: string; caption: string }[] };
  userManual: Record<string, string>;
};

/** The editable form of each section, from the saved document; the internal FAQ starts from its prompts. */
export function draftsOf(doc: PrfaqDetail): Drafts {
  const content = (name: PrfaqSectionName) => doc.sections.find((s) => s.name === name)?.content as never;
  const internal = (content('internalFaq') as Faq | undefined) ?? [];
  return {
    pressRelease: { ...((content('pressRelease') as Record<string, string>) ?? {}) },
    externalFaq: [...((content('externalFaq') as Faq | undefined) ?? [])],
    internalFaq: internal.length ? [...internal] : INTERNAL_FAQ_PROMPTS.map((p) => ({ question: p.question, answer: '', topic: p.topic })),
    customerExperience: { narrative: '', useCases: [], mockups: [], ...((content('customerExperience') as object) ?? {}) },
    userManual: { concepts: '', howTo: '', reference: '', ...((content('userManual') as object) ?? {}) },
  };
}

export const sectionVersion = (doc: PrfaqDetail, name: PrfaqSectionName) => doc.sections.find((s) => s.name === name)?.version ?? 1;
export const sectionGuidance = (doc: PrfaqDetail, name: PrfaqSectionName) => doc.sections.find((s) => s.name === name)?.guidance ?? '';
