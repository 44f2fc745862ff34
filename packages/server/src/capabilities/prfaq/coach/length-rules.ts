import type { CoachDocument } from './coach-text';
import { finding, WHOLE, type Finding } from './finding';

/** A press release fits on about one page. */
export const PRESS_RELEASE_MAX_WORDS = 600;
/** A page of a Working Backwards document: single-spaced 11-point text, about 500 words. */
export const WORDS_PER_PAGE = 500;
export const MAX_PAGES = 6;

export const pressReleaseWords = (doc: CoachDocument) => doc.pressRelease.reduce((n, s) => n + s.words, 0);
export const documentWords = (doc: CoachDocument) => doc.all.reduce((n, s) => n + s.words, 0);
/** Pages at WORDS_PER_PAGE, to one decimal. */
export const pagesOf = (words: number) => Math.round((words / WORDS_PER_PAGE) * 10) / 10;

/** The press release within about a page; the whole document within six pages. */
export function lengthRules(doc: CoachDocument): Finding[] {
  const findings: Finding[] = [];
  const pr = pressReleaseWords(doc);
  if (pr > PRESS_RELEASE_MAX_WORDS)
    findings.push(
      finding('press-release-too-long', 'pressRelease', WHOLE, `The press release has ${pr} words; it should fit on about one page. Cut it to ${PRESS_RELEASE_MAX_WORDS} words or fewer: keep what the customer needs, move details to the FAQ.`),
    );
  const all = documentWords(doc);
  if (all > MAX_PAGES * WORDS_PER_PAGE)
    findings.push(
      finding('document-too-long', 'document', WHOLE, `The document has ${all} words, about ${pagesOf(all)} pages at ${WORDS_PER_PAGE} words a page; keep it within ${MAX_PAGES} pages (${MAX_PAGES * WORDS_PER_PAGE} words) by cutting or merging FAQ answers.`),
    );
  return findings;
}
