import { describe, expect, it } from 'vitest';
import { cleanDocument, quoted } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';

describe('structure', () => {
  it('asks for every missing press-release part, a Markdown mark or an emoji alone counting as missing', () => {
    const doc = cleanDocument();
    doc.pressRelease = { ...doc.pressRelease, problem: '', leaderQuote: '  **  ', callToAction: '🚀' };
    const result = lintPrfaq(doc);
    const missing = result.findings.filter((f) => f.rule === 'missing-part');
    expect(missing.map((f) => [f.section, f.start, f.end])).toEqual([
      ['pressRelease.problem', 0, 0],
      ['pressRelease.leaderQuote', 0, 0],
      ['pressRelease.callToAction', 0, 0],
    ]);
    expect(missing[0].message).toBe('The press release has no problem. Describe the problem the customer has today, from their point of view, with evidence.');
    expect(missing[1].message).toMatch(/^The press release has no leader quote\. Add a quote from the team’s leader/);
  });

  it('points at the second sentence onwards of a heading or subheading that runs past one', () => {
    const doc = cleanDocument();
    doc.pressRelease!.heading = 'Day One stops bad deploys. In one click. For everyone';
    doc.pressRelease!.subheading = 'Platform engineers halt a deploy! Then they fix it.';
    const result = lintPrfaq(doc);
    expect(quoted(doc, result, 'one-sentence')).toEqual([
      ['pressRelease.heading', 'In one click. For everyone'],
      ['pressRelease.subheading', 'Then they fix it.'],
    ]);
    expect(result.findings.find((f) => f.section === 'pressRelease.heading')?.message).toBe(
      'The heading runs to 3 sentences: make it one sentence, merging what matters and cutting the rest.',
    );
  });

  it('asks for an answer to every question in both FAQs', () => {
    const doc = cleanDocument();
    doc.externalFaq = [{ question: 'Is it free?', answer: 'Yes, under the MIT licence.' }, { question: 'Does it run offline?' }];
    doc.internalFaq = [{ question: 'What does it cost to run?', answer: '   ' }, { answer: 'An answer without a question is left alone.' }];
    const unanswered = lintPrfaq(doc).findings.filter((f) => f.rule === 'unanswered-question');
    expect(unanswered.map((f) => [f.section, f.start, f.end])).toEqual([
      ['externalFaq[1].answer', 0, 0],
      ['internalFaq[0].answer', 0, 0],
    ]);
  });

  it('has nothing to say about a complete press release with one-sentence heading and subheading', () => {
    const rules = lintPrfaq(cleanDocument()).findings.map((f) => f.rule);
    expect(rules).toEqual([]);
  });
});
