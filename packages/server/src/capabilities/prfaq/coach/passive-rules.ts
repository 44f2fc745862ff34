import type { CoachDocument } from './coach-text';
import { finding, quote, type Finding } from './finding';
import { memoByText } from './text-memo';
import { writeGoodSpans } from './write-good-checks';

const passiveSpans = memoByText((prose) => writeGoodSpans(prose, 'passive'));

/** Passive voice (write-good), in every section. */
export function passiveRules(doc: CoachDocument): Finding[] {
  return doc.all.flatMap((section) =>
    (section.words ? passiveSpans(section.prose) : []).map((span) =>
      finding('passive-voice', section.name, span, `“${quote(section.text, span)}” may be passive voice: say who does it (“the team decided”, not “it was decided”).`),
    ),
  );
}
