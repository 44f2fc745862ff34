import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { memoByText } from './text-memo';

export interface Span {
  start: number;
  end: number;
}
export interface Sentence extends Span {
  /** The words of the sentence (tokens with a letter or a digit). */
  words: Span[];
}

interface NlcstNode {
  type: string;
  children?: NlcstNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const parser = unified().use(retextEnglish);
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const spanOf = (node: NlcstNode): Span => ({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });

function segment(text: string): Sentence[] {
  if (!HAS_LETTER_OR_DIGIT.test(text)) return [];
  const root = parser.parse(text) as NlcstNode;
  const sentences: Sentence[] = [];
  for (const paragraph of root.children ?? []) {
    for (const node of paragraph.children ?? []) {
      if (node.type !== 'SentenceNode') continue;
      const words = (node.children ?? [])
        .filter((child) => child.type === 'WordNode')
        .map(spanOf)
        .filter((w) => HAS_LETTER_OR_DIGIT.test(text.slice(w.start, w.end)));
      if (words.length) sentences.push({ ...spanOf(node), words });
    }
  }
  return sentences;
}

/** Sentences and their words, as retext-english segments English prose; offsets are UTF-16 indices
 *  into `text`. Sentences without a single word (a lone emoji, punctuation) are left out. */
export const segmentSentences = memoByText(segment);
