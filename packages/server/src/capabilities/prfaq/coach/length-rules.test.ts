import { describe, expect, it } from 'vitest';
import type { PrfaqLintInput } from '@dayone/contracts';
import { cleanDocument } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';

/** `n` words in sentences of ten: "Cord one halts deploys ..." */
const words = (n: number) =>
  Array.from({ length: n }, (_, i) => (i % 10 === 9 || i === n - 1 ? 'cord.' : i % 10 === 0 ? 'Cord' : 'cord')).join(' ');

describe('length', () => {
  it('says so when the press release passes 600 words, not at 600', () => {
    const doc = cleanDocument();
    const others = lintPrfaq(doc).metrics.pressReleaseWords - doc.pressRelease!.solution!.split(' ').length;
    doc.pressRelease!.solution = words(600 - others);
    const at = lintPrfaq(doc);
    expect(at.metrics.pressReleaseWords).toBe(600);
    expect(at.findings.filter((f) => f.rule === 'press-release-too-long')).toEqual([]);
    doc.pressRelease!.solution = words(601 - others);
    const over = lintPrfaq(doc);
    expect(over.metrics.pressReleaseWords).toBe(601);
    expect(over.findings.filter((f) => f.rule === 'press-release-too-long')).toEqual([
      {
        rule: 'press-release-too-long',
        section: 'pressRelease',
        start: 0,
        end: 0,
        message: 'The press release has 601 words; it should fit on about one page. Cut it to 600 words or fewer: keep what the customer needs, move details to the FAQ.',
      },
    ]);
  });

  it('keeps the whole document within six pages of 500 words', () => {
    const doc: PrfaqLintInput = { ...cleanDocument(), internalFaq: [] };
    const base = lintPrfaq(doc).metrics.documentWords;
    doc.internalFaq = [{ question: 'What must be true?', answer: words(3000 - base - 4) }];
    const at = lintPrfaq(doc);
    expect(at.metrics).toMatchObject({ documentWords: 3000, pages: 6 });
    expect(at.findings.filter((f) => f.rule === 'document-too-long')).toEqual([]);
    doc.internalFaq = [{ question: 'What must be true?', answer: words(3251 - base - 4) }];
    const over = lintPrfaq(doc);
    expect(over.metrics).toMatchObject({ documentWords: 3251, pages: 6.5 });
    const [finding] = over.findings.filter((f) => f.rule === 'document-too-long');
    expect(finding).toMatchObject({ section: 'document', start: 0, end: 0 });
    expect(finding.message).toBe('The document has 3251 words, about 6.5 pages at 500 words a page; keep it within 6 pages (3000 words) by cutting or merging FAQ answers.');
  });
});
