import { describe, expect, it } from 'vitest';
import { syllable } from 'syllable';
import { lintPrfaq } from './lint-prfaq';

// Reference values from the published formulas, counted by hand:
//   Flesch (1948) reading ease = 206.835 − 1.015 × words/sentences − 84.6 × syllables/words
//   Kincaid et al. (1975) grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
// "The cord stops the deploy. Engineers release it after the fix." has 2 sentences, 11 words and
// 16 syllables (the 1, cord 1, stops 1, the 1, de-ploy 2; en-gi-neers 3, re-lease 2, it 1, af-ter 2, the 1, fix 1):
//   ease  = 206.835 − 1.015 × 5.5 − 84.6 × 16/11 = 78.19…  → 78.2
//   grade = 0.39 × 5.5 + 11.8 × 16/11 − 15.59    = 3.718…  → 3.7
describe('readability of the press release', () => {
  it('measures Flesch reading ease and Flesch–Kincaid grade over every part, to the formulas', () => {
    const words = ['The', 'cord', 'stops', 'the', 'deploy', 'Engineers', 'release', 'it', 'after', 'the', 'fix'];
    expect(words.map((w) => syllable(w))).toEqual([1, 1, 1, 1, 2, 3, 2, 1, 2, 1, 1]);
    const result = lintPrfaq({ pressRelease: { summary: 'The cord stops the deploy.', problem: 'Engineers release it after the **fix**.' } });
    expect(result.metrics).toMatchObject({ pressReleaseWords: 11, readingEase: 78.2, gradeLevel: 3.7 });
    expect(result.findings.filter((f) => f.rule === 'reading-ease' || f.rule === 'grade-level')).toEqual([]);
  });

  it('asks for plainer words below an ease of 50 and above grade 12, naming the hardest part', () => {
    const solution =
      'Organizational institutionalization of comprehensive infrastructural modernization necessitates interdepartmental collaboration, operational accountability and continuous experimentation.';
    const result = lintPrfaq({ pressRelease: { summary: 'The cord stops the deploy.', solution } });
    const { readingEase, gradeLevel } = result.metrics;
    expect(readingEase).toBeLessThan(50);
    expect(gradeLevel).toBeGreaterThan(12);
    const advice = result.findings.filter((f) => f.section === 'pressRelease' && f.start === 0 && f.end === 0);
    expect(advice.map((f) => f.rule)).toEqual(['grade-level', 'reading-ease']);
    expect(advice[1].message).toMatch(new RegExp(`^The press release scores ${readingEase} on Flesch reading ease; aim above 50: .* The hardest part is pressRelease\\.solution \\(-?\\d+(\\.\\d)?\\)\\.$`));
    expect(advice[0].message).toContain(`reads at grade ${gradeLevel} (Flesch–Kincaid); bring it to grade 12 or below`);
  });

  it('has no figures for a press release without words', () => {
    expect(lintPrfaq({ pressRelease: { heading: '🚀 — !!!' } }).metrics).toMatchObject({ readingEase: null, gradeLevel: null });
  });
});
