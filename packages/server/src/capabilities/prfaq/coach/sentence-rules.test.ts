import { describe, expect, it } from 'vitest';
import { cleanDocument, quoted } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';

describe('sentences', () => {
  const thirtyThree =
    'Every platform engineer on every team in the company can now pull the cord on any service they see failing, and each pipeline that deploys it halts within one second of the pull.';

  it('points at a sentence of more than 30 words, and only at it', () => {
    const doc = cleanDocument();
    doc.pressRelease!.solution = `Day One puts a cord on each service page. ${thirtyThree} Release it when fixed.`;
    const result = lintPrfaq(doc);
    expect(quoted(doc, result, 'long-sentence')).toEqual([['pressRelease.solution', thirtyThree]]);
    expect(result.findings.find((f) => f.rule === 'long-sentence')?.message).toBe(
      'This sentence has 33 words: split it so each sentence carries one idea, 30 words or fewer.',
    );
  });

  it('lets a sentence of exactly 30 words pass, in the FAQs too', () => {
    const thirty = 'One two three four five six seven eight nine ten one two three four five six seven eight nine ten one two three four five six seven eight nine ten.';
    const doc = cleanDocument();
    doc.externalFaq = [{ question: 'How long?', answer: `${thirty} ${thirty.replace('One', 'One more')}` }];
    expect(quoted(doc, lintPrfaq(doc), 'long-sentence')).toEqual([['externalFaq[0].answer', thirty.replace('One', 'One more')]]);
  });
});
