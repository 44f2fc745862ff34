import { describe, expect, it } from 'vitest';
import { cleanDocument, quoted } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';

describe('passive voice', () => {
  it('points at each passive construction write-good finds, in every section', () => {
    const doc = cleanDocument();
    doc.pressRelease!.problem = 'Platform engineers see deploys that were approved by nobody. Mistakes are made and outages are caused.';
    doc.externalFaq = [{ question: 'Who can pull the cord?', answer: 'The cord is pulled by anyone who signs in.' }];
    const result = lintPrfaq(doc);
    expect(quoted(doc, result, 'passive-voice')).toEqual([
      ['pressRelease.problem', 'were approved'],
      ['pressRelease.problem', 'are made'],
      ['pressRelease.problem', 'are caused'],
      ['externalFaq[0].answer', 'is pulled'],
    ]);
    expect(result.findings.find((f) => f.rule === 'passive-voice')?.message).toBe(
      '“were approved” may be passive voice: say who does it (“the team decided”, not “it was decided”).',
    );
  });

  it('leaves the active voice alone', () => {
    const doc = cleanDocument();
    doc.pressRelease!.problem = 'Platform engineers approve deploys by hand, and nobody checks them.';
    expect(quoted(doc, lintPrfaq(doc), 'passive-voice')).toEqual([]);
  });
});
