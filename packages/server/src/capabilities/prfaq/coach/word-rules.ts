import type { PrfaqLintRule } from '@dayone/contracts';
import type { WriteGoodCheck } from 'write-good';
import type { CoachDocument } from './coach-text';
import { finding, quote, type Finding } from './finding';
import type { Span } from './sentences';
import { memoByText } from './text-memo';
import { writeGoodSpans } from './write-good-checks';

/** Words of write-good's weasel list that stand in for a quantity: the reader needs the number. */
const QUANTITY_WEASELS = new Set(['are a number', 'few', 'huge', 'is a number', 'largely', 'many', 'mostly', 'several', 'significantly', 'substantially', 'tiny', 'various', 'vast']);
/** Quantity words write-good's lists lack. */
const MORE_QUANTITY_WORDS = /\b(nearly all|almost all|virtually all|most of|the majority of|a lot of|lots of|numerous|countless|dramatically|massively)\b/gi;

const ADVICE: Record<string, (q: string) => string> = {
  'needs-data': (q) => `“${q}” should be data: give the number instead (how many, how much, by what percentage, compared with what).`,
  'weasel-word': (q) => `“${q}” is a weasel word: cut it, or say precisely what you mean.`,
  cliche: (q) => `“${q}” is a cliché: say plainly what you mean.`,
  wordy: (q) => `“${q}” is wordy: say it in fewer words, or cut it.`,
  'there-is': (q) => `“${q}” delays the subject: start the sentence with the thing that is.`,
  'starts-with-so': (q) => `Starting a sentence with “${q}” adds nothing: cut it.`,
  adverb: (q) => `“${q}” is an adverb that weakens the verb: cut it, or pick a stronger verb.`,
  'repeated-word': (q) => `“${q}” is repeated: delete one.`,
};

/** write-good checks in order of preference: where two flag overlapping words, the earlier one speaks. */
const CHECKS: [WriteGoodCheck, PrfaqLintRule][] = [
  ['weasel', 'weasel-word'],
  ['cliches', 'cliche'],
  ['tooWordy', 'wordy'],
  ['thereIs', 'there-is'],
  ['so', 'starts-with-so'],
  ['adverb', 'adverb'],
  ['illusion', 'repeated-word'],
];

interface Flag extends Span {
  rule: PrfaqLintRule;
}

const flagsOf = memoByText((prose: string): Flag[] => {
  const flags: Flag[] = [];
  const taken = new Uint8Array(prose.length);
  const add = (rule: PrfaqLintRule, span: Span) => {
    if (taken.subarray(span.start, span.end).some((t) => t === 1)) return;
    taken.fill(1, span.start, span.end);
    flags.push({ rule, ...span });
  };
  for (const m of prose.matchAll(MORE_QUANTITY_WORDS)) add('needs-data', { start: m.index, end: m.index + m[0].length });
  for (const [check, rule] of CHECKS) {
    for (const span of writeGoodSpans(prose, check)) {
      add(rule === 'weasel-word' && QUANTITY_WEASELS.has(prose.slice(span.start, span.end).toLowerCase()) ? 'needs-data' : rule, span);
    }
  }
  return flags;
});

/** Weasel words and adjectives that should be data, adverbs, "so" and "there is" openings, wordy
 *  phrases, clichés and repeated words (write-good), in every section. */
export function wordRules(doc: CoachDocument): Finding[] {
  return doc.all.flatMap((section) => (section.words ? flagsOf(section.prose) : []).map((f) => finding(f.rule, section.name, f, ADVICE[f.rule](quote(section.text, f)))));
}
