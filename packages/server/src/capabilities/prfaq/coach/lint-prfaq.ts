import type { PrfaqLintResult } from '@dayone/contracts';
import { acronymRules } from './acronym-rules';
import { isWritten, readDocument, type CoachInput } from './coach-text';
import { customerRules } from './customer-rules';
import type { Finding } from './finding';
import { documentWords, lengthRules, pagesOf, pressReleaseWords, WORDS_PER_PAGE } from './length-rules';
import { passiveRules } from './passive-rules';
import { readabilityOf, readabilityRules } from './readability';
import { scoreOf } from './scoring';
import { sentenceRules } from './sentence-rules';
import { structureRules } from './structure-rules';
import { wordRules } from './word-rules';

/** Findings in reading order: the whole document, the customer, the press release as a whole, then
 *  section by section; within a section by position, then by rule. */
function inReadingOrder(findings: Finding[], sectionOrder: string[]): Finding[] {
  const rank = new Map(['document', 'customer', 'pressRelease', ...sectionOrder].map((name, i) => [name, i]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (rank.get(a.f.section) ?? 0) - (rank.get(b.f.section) ?? 0) || a.f.start - b.f.start || a.f.end - b.f.end || (a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0) || a.i - b.i)
    .map(({ f }) => f);
}

/** The writing coach: advice on a PR/FAQ, its score out of 100 and the score's breakdown by category.
 *  Pure and deterministic: the same document always gets the same answer. */
export function lintPrfaq(input: CoachInput): PrfaqLintResult {
  const doc = readDocument(input);
  const readability = readabilityOf(doc.pressRelease);
  const findings = inReadingOrder(
    [
      ...structureRules(doc),
      ...lengthRules(doc),
      ...customerRules(doc),
      ...readabilityRules(doc, readability),
      ...sentenceRules(doc),
      ...wordRules(doc),
      ...passiveRules(doc),
      ...acronymRules(doc),
    ],
    doc.all.map((s) => s.name),
  );
  const words = documentWords(doc);
  const coverage = doc.pressRelease.filter(isWritten).length / doc.pressRelease.length;
  const { score, categories } = scoreOf({ findings, readability, pages: words / WORDS_PER_PAGE, coverage });
  return {
    score,
    categories,
    findings,
    metrics: { pressReleaseWords: pressReleaseWords(doc), documentWords: words, pages: pagesOf(words), ...readability },
  };
}
