import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRFAQ_PRESS_RELEASE_PARTS, prfaqLintResult, type PrfaqLintInput } from '@dayone/contracts';
import { textOf } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';

// Reproducible by default (the same cases on every run); FC_SEED=random explores new ones.
if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });

/** Pieces that exercise every rule and every odd corner: Markdown, acronyms, right-to-left scripts,
 *  emoji sequences, control characters, lone surrogates, direction overrides. */
const piece = fc.constantFrom(
  'the', 'The', 'was', 'built', 'by', 'very', 'many', 'nearly all', 'quickly', 'So', 'There are', 'in order to', 'think outside of the box',
  'SLA', '(SLA)', 'service level agreement', 'SEATTLE —', '3.5%', '1,000', 'platform engineers',
  '.', '!', '?', ';', ',', '—', '\n', '\n\n', '\r\n', '\t', ' ', '**', '_', '`', '```', '~~~', '[', '](', ')', '![', '#', '> ', '- ', '1. ', '<b>', 'https://x.io/A',
  '😀', '👩🏽‍💻', '🇸🇪', 'שלום עולם', 'مرحبا بالعالم', '\u202E', '\u200C', '\u0000', '\u0007', '\u001b[31m', '\uD800', '\uDFFF', '\uFEFF',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(piece, { maxLength: 80 }).map((p) => p.join(' ')),
  fc.array(piece, { maxLength: 80 }).map((p) => p.join('')),
);
const maybe = fc.option(text, { nil: undefined });
const faq = fc.array(fc.record({ question: maybe, answer: maybe }, { requiredKeys: [] }), { maxLength: 3 });
const pressRelease = fc.record(Object.fromEntries(PRFAQ_PRESS_RELEASE_PARTS.map((p) => [p, maybe])) as Record<(typeof PRFAQ_PRESS_RELEASE_PARTS)[number], typeof maybe>, { requiredKeys: [] });
const document = fc.record({ customer: maybe, pressRelease, externalFaq: faq, internalFaq: faq }, { requiredKeys: [] });

/** Everything a well-formed answer keeps, for any document. */
function expectWellFormed(doc: PrfaqLintInput) {
  const result = lintPrfaq(doc);
  expect(prfaqLintResult.parse(result)).toEqual(result);
  expect(result.score).toBe(result.categories.reduce((n, c) => n + c.score, 0));
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(100);
  for (const c of result.categories) expect(c.score).toBeLessThanOrEqual(c.max);
  for (const f of result.findings) {
    expect(f.start).toBeLessThanOrEqual(f.end);
    expect(f.end).toBeLessThanOrEqual(textOf(doc, f.section).length);
    expect(f.message).toMatch(/\S/);
  }
  return result;
}

describe('the coach on any input', () => {
  it('answers every document, well formed, offsets inside their section', () => {
    fc.assert(fc.property(document, (doc) => void expectWellFormed(doc)), { numRuns: 300 });
  });

  it('is deterministic: the same document gets the same answer, whatever was coached in between', () => {
    fc.assert(
      fc.property(document, document, (doc, other) => {
        const first = JSON.stringify(lintPrfaq(doc));
        lintPrfaq(other);
        expect(JSON.stringify(lintPrfaq(structuredClone(doc)))).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it('answers empty, huge and strange texts', () => {
    const strange = [
      '',
      ' ',
      '\u0000'.repeat(5000),
      '\uD800\uDC00\uD800'.repeat(3000),
      '\u202Eשלום עולם. مرحبا بالعالم.\u202C '.repeat(400),
      '👩🏽‍💻🇸🇪😀'.repeat(2000),
      '`'.repeat(20_000),
      '[a]('.repeat(5000),
    ];
    for (const s of strange) expectWellFormed({ customer: s.slice(0, 1000), pressRelease: { summary: s, heading: s.slice(0, 300) }, externalFaq: [{ question: s, answer: s }] });
    // The most one request may carry (100,000 characters): text without a single full stop or line break,
    // and text in which every sentence trips a rule.
    expectWellFormed({ pressRelease: { summary: 'word '.repeat(10_000) }, externalFaq: [{ answer: 'SLA many was built '.repeat(2600) }] });
    const busy = expectWellFormed({ pressRelease: Object.fromEntries(PRFAQ_PRESS_RELEASE_PARTS.map((p) => [p, 'So there are very many SLAs that were built by the the team. '.repeat(180)])) });
    expect(busy.categories.find((c) => c.name === 'words')?.findings).toBeGreaterThan(9 * 180);
  });
});
