import { describe, expect, it } from 'vitest';
import { cleanDocument, quoted } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';

describe('acronyms', () => {
  it('points at the first use of an acronym defined only later, and says where the definition is', () => {
    const doc = cleanDocument();
    doc.pressRelease!.solution = 'Each team keeps its SLA, and the SLA holds.';
    doc.externalFaq = [{ question: 'What is the promise?', answer: 'A service level agreement (SLA) of 99.9% a month.' }];
    const result = lintPrfaq(doc);
    expect(quoted(doc, result, 'undefined-acronym')).toEqual([['pressRelease.solution', 'SLA']]);
    expect(result.findings.find((f) => f.rule === 'undefined-acronym')).toMatchObject({
      start: 20,
      end: 23,
      message: '“SLA” is used before it is defined: spell it out at first use, e.g. “service level agreement (SLA)”. It is defined later, in externalFaq[0].answer: move that definition here.',
    });
  });

  it('accepts both ways of defining, plurals, well-known abbreviations, code and the dateline', () => {
    const doc = cleanDocument();
    doc.pressRelease!.summary =
      'SEATTLE, WA — (BUSINESS WIRE) — 1 March 2027 — Day One gives platform engineers a recovery time objective (RTO) and SLOs (service level objectives).';
    doc.pressRelease!.solution = 'Each RTO and each SLO shows on the FAQ page. Set `HTTP_PROXY` if you need one.';
    expect(quoted(doc, lintPrfaq(doc), 'undefined-acronym')).toEqual([]);
  });

  it('suggests lower case for capitals that are not an acronym, once per word', () => {
    const doc = cleanDocument();
    doc.pressRelease!.callToAction = 'Pull your first cord TODAY, yes TODAY.';
    const result = lintPrfaq(doc);
    expect(quoted(doc, result, 'undefined-acronym')).toEqual([['pressRelease.callToAction', 'TODAY']]);
    expect(result.findings.find((f) => f.rule === 'undefined-acronym')?.message).toMatch(/If it is not an acronym, write it in lower case\.$/);
  });
});
