import { PRFAQ_LINT_RULES, type PrfaqLintCategory, type PrfaqLintCategoryName, type PrfaqLintRule } from '@dayone/contracts';
import type { Finding } from './finding';
import { MIN_READING_EASE, MAX_GRADE_LEVEL, type Readability } from './readability';

/** Points each category can earn; they add up to 100. */
export const CATEGORY_MAX: Record<PrfaqLintCategoryName, number> = {
  structure: 20,
  customer: 15,
  readability: 15,
  words: 15,
  sentences: 10,
  passive: 10,
  length: 10,
  acronyms: 5,
};

/** Points a finding of each rule costs (readability is costed from its figures instead). */
export const RULE_COST: Record<PrfaqLintRule, number> = {
  'missing-part': 3,
  'one-sentence': 3,
  'unanswered-question': 1,
  'customer-missing': 15,
  'customer-not-in-summary': 5,
  'customer-not-in-problem': 5,
  'quote-without-number': 5,
  'reading-ease': 0,
  'grade-level': 0,
  'weasel-word': 1,
  'needs-data': 2,
  adverb: 1,
  'starts-with-so': 1,
  'there-is': 1,
  wordy: 1,
  cliche: 2,
  'repeated-word': 1,
  'long-sentence': 2,
  'passive-voice': 2,
  'press-release-too-long': 5,
  'document-too-long': 5,
  'undefined-acronym': 2,
};

/** Categories that judge the writing itself: a finding there costs its points per page of text. */
const PER_PAGE: PrfaqLintCategoryName[] = ['words', 'sentences', 'passive', 'acronyms'];
/** Categories that can only award what has been written (all but structure and customer). */
const FOR_WHAT_IS_WRITTEN: PrfaqLintCategoryName[] = ['readability', 'words', 'sentences', 'passive', 'length', 'acronyms'];

export interface ScoreInputs {
  findings: Finding[];
  readability: Readability;
  /** Pages of the whole document (words / 500), unrounded. */
  pages: number;
  /** Share of the nine press-release parts written, 0–1. */
  coverage: number;
}

/** Readability points lost: reading ease up to 10 (in proportion below 50), grade up to 5 (one a grade above 12). */
function readabilityCost({ readingEase, gradeLevel }: Readability): number {
  if (readingEase === null || gradeLevel === null) return 0;
  const ease = 10 * (1 - Math.min(Math.max(readingEase, 0), MIN_READING_EASE) / MIN_READING_EASE);
  const grade = Math.min(5, Math.max(0, gradeLevel - MAX_GRADE_LEVEL));
  return ease + grade;
}

/** The score and its breakdown: each category starts at its maximum, loses the cost of its findings
 *  (per page for the writing categories), never goes below zero, is scaled by coverage where it judges
 *  the writing, and is rounded; the score is the sum of the categories. */
export function scoreOf({ findings, readability, pages, coverage }: ScoreInputs): { score: number; categories: PrfaqLintCategory[] } {
  const categories = (Object.keys(CATEGORY_MAX) as PrfaqLintCategoryName[]).map((name) => {
    const own = findings.filter((f) => PRFAQ_LINT_RULES[f.rule] === name);
    let cost = name === 'readability' ? readabilityCost(readability) : own.reduce((sum, f) => sum + RULE_COST[f.rule], 0);
    if (PER_PAGE.includes(name)) cost /= Math.max(1, pages);
    const max = CATEGORY_MAX[name];
    const earned = Math.max(0, max - cost) * (FOR_WHAT_IS_WRITTEN.includes(name) ? coverage : 1);
    return { name, score: Math.round(earned), max, findings: own.length };
  });
  return { score: categories.reduce((sum, c) => sum + c.score, 0), categories };
}
