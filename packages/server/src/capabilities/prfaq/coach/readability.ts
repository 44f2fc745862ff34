import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import type { CoachDocument, CoachSection } from './coach-text';
import { segmentSentences } from './sentences';
import { memoByText } from './text-memo';
import { finding, WHOLE, type Finding } from './finding';

/** Flesch reading ease to aim above (50–60 reads as "fairly difficult", plain English is 60–70). */
export const MIN_READING_EASE = 50;
/** Flesch–Kincaid grade to stay at or under: a final-year school student can follow it. */
export const MAX_GRADE_LEVEL = 12;

const HAS_LETTER = /\p{L}/u;

type Counts = { sentence: number; word: number; syllable: number };

/** Sentences, words (with a letter) and their syllables (at least one a word), as the formulas take
 *  them; counting syllables is the slow part, so each text is counted once. */
const countsOf = memoByText((prose: string): Counts => {
  const counts: Counts = { sentence: 0, word: 0, syllable: 0 };
  for (const sentence of segmentSentences(prose)) {
    const words = sentence.words.map((w) => prose.slice(w.start, w.end)).filter((w) => HAS_LETTER.test(w));
    if (!words.length) continue;
    counts.sentence += 1;
    counts.word += words.length;
    for (const w of words) counts.syllable += Math.max(1, syllable(w));
  }
  return counts;
});

function sumOf(sections: CoachSection[]): Counts {
  const sum: Counts = { sentence: 0, word: 0, syllable: 0 };
  for (const { prose } of sections) {
    const counts = countsOf(prose);
    sum.sentence += counts.sentence;
    sum.word += counts.word;
    sum.syllable += counts.syllable;
  }
  return sum;
}

const oneDecimal = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);

export interface Readability {
  /** Flesch reading ease of the press release (higher is easier), null without words. */
  readingEase: number | null;
  /** Flesch–Kincaid grade level of the press release, null without words. */
  gradeLevel: number | null;
}

export function readabilityOf(sections: CoachSection[]): Readability {
  const counts = sumOf(sections);
  if (!counts.word) return { readingEase: null, gradeLevel: null };
  return { readingEase: oneDecimal(flesch(counts)), gradeLevel: oneDecimal(fleschKincaid(counts)) };
}

/** The press-release part that reads hardest, to say where to start. */
function hardestPart(doc: CoachDocument): string {
  let hardest: { label: string; ease: number } | null = null;
  for (const section of doc.pressRelease) {
    const { readingEase } = readabilityOf([section]);
    if (readingEase !== null && (hardest === null || readingEase < hardest.ease)) hardest = { label: section.name, ease: readingEase };
  }
  return hardest ? ` The hardest part is ${hardest.label} (${hardest.ease}).` : '';
}

/** Flesch reading ease and Flesch–Kincaid grade of the press release. */
export function readabilityRules(doc: CoachDocument, readability: Readability): Finding[] {
  const findings: Finding[] = [];
  const { readingEase, gradeLevel } = readability;
  if (readingEase !== null && readingEase < MIN_READING_EASE)
    findings.push(
      finding('reading-ease', 'pressRelease', WHOLE, `The press release scores ${readingEase} on Flesch reading ease; aim above ${MIN_READING_EASE}: use shorter sentences and shorter, everyday words.${hardestPart(doc)}`),
    );
  if (gradeLevel !== null && gradeLevel > MAX_GRADE_LEVEL)
    findings.push(
      finding('grade-level', 'pressRelease', WHOLE, `The press release reads at grade ${gradeLevel} (Flesch–Kincaid); bring it to grade ${MAX_GRADE_LEVEL} or below: split long sentences and replace long words with short ones.`),
    );
  return findings;
}
