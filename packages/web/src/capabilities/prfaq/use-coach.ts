import { PRFAQ_PRESS_RELEASE_PARTS } from '@dayone/contracts';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lintDraft, prfaqKeys } from './prfaq-api';
import type { Drafts } from './prfaq-drafts';

type Faq = { question: string; answer: string }[];

/** The coach's reading of the unsaved drafts, asked again when the author pauses typing. */
export function useCoach(customer: string, drafts: Drafts) {
  const pressRelease = Object.fromEntries(PRFAQ_PRESS_RELEASE_PARTS.map((part) => [part, drafts.pressRelease[part] ?? '']));
  const strip = (faq: Faq) => faq.map(({ question, answer }) => ({ question, answer }));
  const input = { customer, pressRelease, externalFaq: strip(drafts.externalFaq), internalFaq: strip(drafts.internalFaq) };
  const [debounced] = useDebouncedValue(input, 600);
  const query = useQuery({ queryKey: prfaqKeys.lint(debounced), queryFn: () => lintDraft(debounced), placeholderData: keepPreviousData, staleTime: Infinity });
  // The text each finding's offsets point into, by the coach's section names.
  const texts: Record<string, string> = { customer };
  for (const part of PRFAQ_PRESS_RELEASE_PARTS) texts[`pressRelease.${part}`] = pressRelease[part] ?? '';
  for (const kind of ['externalFaq', 'internalFaq'] as const) {
    input[kind].forEach((entry, i) => {
      texts[`${kind}[${i}].question`] = entry.question;
      texts[`${kind}[${i}].answer`] = entry.answer;
    });
  }
  return { result: query.data, pending: query.isFetching, texts };
}
