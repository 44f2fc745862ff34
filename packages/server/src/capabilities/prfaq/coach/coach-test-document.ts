import type { PrfaqLintInput, PrfaqLintResult, PrfaqLintRule } from '@dayone/contracts';

/** A press release the coach has nothing to say about, for tests to change one part at a time. */
export const cleanDocument = (): PrfaqLintInput => ({
  customer: 'platform engineers',
  pressRelease: {
    heading: 'Day One stops a bad deploy in one click',
    subheading: 'Platform engineers pull one cord and every pipeline halts',
    summary: 'SEATTLE — 1 March 2027 — Day One today opened its andon cord to platform engineers. One click halts every deploy of a service.',
    problem: 'Platform engineers at our company wait 40 minutes for three people to agree to stop a deploy. Bad code keeps shipping while they talk.',
    solution: 'Day One puts a cord on each service page. Anyone can pull it, and each pipeline asks the gate before it ships.',
    leaderQuote: '“Stopping the line should take one person and one click,” said Ana Diaz, who leads the platform team.',
    gettingStarted: 'Open the service page and pull the cord. Your pipeline needs one line: dayone gate check.',
    customerQuote: '“We halted a bad release in 9 seconds, not 40 minutes,” said Sam Lee, a platform engineer.',
    callToAction: 'Pull your first cord today at your Day One address.',
  },
  externalFaq: [{ question: 'Who can pull the cord?', answer: 'Anyone who can sign in to Day One.' }],
  internalFaq: [{ question: 'What must be true?', answer: 'Each pipeline checks the gate before it ships.' }],
});

/** The passages a rule flagged, quoted from the sections they are in (`text.slice(start, end)`). */
export function quoted(input: PrfaqLintInput, result: PrfaqLintResult, rule: PrfaqLintRule): [string, string][] {
  return result.findings.filter((f) => f.rule === rule).map((f) => [f.section, textOf(input, f.section).slice(f.start, f.end)]);
}

/** The text of a section named as findings name it (`pressRelease.summary`, `externalFaq[2].answer`). */
export function textOf(input: PrfaqLintInput, section: string): string {
  const faq = /^(externalFaq|internalFaq)\[(\d+)\]\.(question|answer)$/.exec(section);
  if (faq) return input[faq[1] as 'externalFaq' | 'internalFaq']?.[Number(faq[2])]?.[faq[3] as 'question' | 'answer'] ?? '';
  const part = /^pressRelease\.(\w+)$/.exec(section);
  if (part) return input.pressRelease?.[part[1] as keyof NonNullable<PrfaqLintInput['pressRelease']>] ?? '';
  return section === 'customer' ? (input.customer ?? '') : '';
}
