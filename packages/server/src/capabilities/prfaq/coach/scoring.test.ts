import { describe, expect, it } from 'vitest';
import { cleanDocument } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';
import { scoreOf } from './scoring';

const byName = (categories: { name: string; score: number }[]) => Object.fromEntries(categories.map((c) => [c.name, c.score]));

describe('the score', () => {
  it('gives a clean press release 100 and an empty document 0', () => {
    expect(lintPrfaq(cleanDocument()).score).toBe(100);
    const empty = lintPrfaq({});
    expect(empty.score).toBe(0);
    expect(byName(empty.categories)).toEqual({ structure: 0, customer: 0, readability: 0, words: 0, sentences: 0, passive: 0, length: 0, acronyms: 0 });
  });

  it('costs each finding its rule’s points within its category', () => {
    const doc = cleanDocument();
    doc.pressRelease!.solution = 'Day One puts a cord on each service page. Each deploy is halted by the gate when anyone pulls the cord.';
    const result = lintPrfaq(doc);
    expect(result.findings.map((f) => f.rule)).toEqual(['passive-voice']);
    expect(byName(result.categories)).toMatchObject({ passive: 8 });
    expect(result.score).toBe(98);
  });

  it('costs writing findings per page, and scales writing categories by the parts written', () => {
    const passive = { rule: 'passive-voice' as const, section: 'pressRelease.solution', message: '', start: 0, end: 1 };
    const readability = { readingEase: 60, gradeLevel: 8 };
    const twoPages = scoreOf({ findings: [passive, passive, passive], readability, pages: 2, coverage: 1 });
    expect(byName(twoPages.categories).passive).toBe(7); // 10 − 3 × 2 / 2
    const partly = scoreOf({ findings: [], readability, pages: 1, coverage: 6 / 9 });
    // structure and customer count in full; the other 65 points by two thirds: 10 + 10 + 6.67 + 6.67 + 6.67 + 3.33
    expect(byName(partly.categories)).toEqual({ structure: 20, customer: 15, readability: 10, words: 10, sentences: 7, passive: 7, length: 7, acronyms: 3 });
    expect(partly.score).toBe(79);
  });

  it('costs readability in proportion below an ease of 50 and a point a grade above 12', () => {
    const score = (readingEase: number, gradeLevel: number) => byName(scoreOf({ findings: [], readability: { readingEase, gradeLevel }, pages: 1, coverage: 1 }).categories).readability;
    expect(score(50, 12)).toBe(15);
    expect(score(40, 14)).toBe(11); // 15 − 10 × (1 − 40/50) − 2
    expect(score(-20, 30)).toBe(0);
  });
});
