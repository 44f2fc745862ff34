import type { CoachDocument } from './coach-text';
import { finding, type Finding } from './finding';

export const MAX_SENTENCE_WORDS = 30;

/** Sentences over 30 words, in every section. */
export function sentenceRules(doc: CoachDocument): Finding[] {
  return doc.all.flatMap((section) =>
    section.sentences
      .filter((s) => s.words.length > MAX_SENTENCE_WORDS)
      .map((s) => finding('long-sentence', section.name, s, `This sentence has ${s.words.length} words: split it so each sentence carries one idea, ${MAX_SENTENCE_WORDS} words or fewer.`)),
  );
}
