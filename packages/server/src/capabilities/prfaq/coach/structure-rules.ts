import type { PrfaqPressReleasePart } from '@dayone/contracts';
import { isWritten, type CoachDocument, type CoachSection } from './coach-text';
import { finding, WHOLE, type Finding } from './finding';

/** What each press-release part must say, as the coach asks for it when the part is missing. */
const ASK: Record<PrfaqPressReleasePart, string> = {
  heading: 'Write the heading: one sentence with the product name and what it does for the customer.',
  subheading: 'Write the subheading: one sentence saying who the customer is and the benefit they get.',
  summary: 'Write the summary: city, outlet and launch date, then the product and its benefit, naming the customer.',
  problem: 'Describe the problem the customer has today, from their point of view, with evidence.',
  solution: 'Describe how the product solves the problem and what the customer can now do.',
  leaderQuote: 'Add a quote from the team’s leader: why we built it and why it matters to customers.',
  gettingStarted: 'Say how to get started: the steps, the price, where to go.',
  customerQuote: 'Add a quote from a customer describing the benefit, with a number (time saved, money, errors).',
  callToAction: 'End with a call to action: where to go and what to do next, in one line.',
};

const LABEL: Record<PrfaqPressReleasePart, string> = {
  heading: 'heading',
  subheading: 'subheading',
  summary: 'summary',
  problem: 'problem',
  solution: 'solution',
  leaderQuote: 'leader quote',
  gettingStarted: 'getting-started part',
  customerQuote: 'customer quote',
  callToAction: 'call to action',
};

const ONE_SENTENCE_PARTS: PrfaqPressReleasePart[] = ['heading', 'subheading'];

function oneSentence(section: CoachSection): Finding[] {
  const [, second, ...rest] = section.sentences;
  if (!second) return [];
  const last = rest[rest.length - 1] ?? second;
  const count = section.sentences.length;
  return [
    finding(
      'one-sentence',
      section.name,
      { start: second.start, end: last.end },
      `The ${LABEL[section.part as PrfaqPressReleasePart]} runs to ${count} sentences: make it one sentence, merging what matters and cutting the rest.`,
    ),
  ];
}

/** Every press-release part present; heading and subheading one sentence each; every FAQ question answered. */
export function structureRules(doc: CoachDocument): Finding[] {
  const findings: Finding[] = [];
  for (const section of doc.pressRelease) {
    const part = section.part as PrfaqPressReleasePart;
    if (!isWritten(section)) findings.push(finding('missing-part', section.name, WHOLE, `The press release has no ${LABEL[part]}. ${ASK[part]}`));
    else if (ONE_SENTENCE_PARTS.includes(part)) findings.push(...oneSentence(section));
  }
  for (let i = 0; i + 1 < doc.faq.length; i += 2) {
    const [question, answer] = [doc.faq[i], doc.faq[i + 1]];
    if (isWritten(question) && !isWritten(answer)) findings.push(finding('unanswered-question', answer.name, WHOLE, 'This question has no answer yet: answer it plainly, or remove the question.'));
  }
  return findings;
}
