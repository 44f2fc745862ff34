/** What the SQLite index holds beside a document's title and body, and the FTS5 queries over it.
 *
 *  The table uses the trigram tokenizer, so a word of three characters or more is a phrase of trigrams that
 *  matches it whole or inside a longer word. Two more columns let one MATCH answer everything else, so
 *  FTS5 can step through the rowids newest first, skipping ahead on the most selective term:
 *  - `grams`: every one- and two-character piece of the document's words, written so that each piece is
 *    exactly one trigram: `xy␟` for a pair, `␟x␟` for a single character (␟ occurs in no word).
 *  - `tags`: the document's type and team, each as one trigram (`␞` and two CJK characters chosen by a hash
 *    of `type=coe` or `team=payments`), so filters by type and team are single terms of the same query
 *    instead of rows looked up and thrown away. Two values may share a hash; the search checks the
 *    type and team of what it reads, so such a collision costs a row read, never a wrong result. */

const SEP = '\u241f';
const TAG = '\u241e';
const WORD = /[\p{L}\p{N}]+/gu;
const CJK_FIRST = 0x4e00;
const CJK_COUNT = 20_992;

/** FNV-1a over the code points. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}
function tag(name: string, value: string): string {
  const h = hash(`${name}=${value}`);
  return TAG + String.fromCodePoint(CJK_FIRST + (h % CJK_COUNT)) + String.fromCodePoint(CJK_FIRST + (Math.floor(h / CJK_COUNT) % CJK_COUNT));
}
const gram = (piece: string) => ([...piece].length === 1 ? `${SEP}${piece}${SEP}` : `${piece}${SEP}`);
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const anyOf = (column: string, texts: string[]) => `(${texts.map((t) => `${column} : ${phrase(t)}`).join(' OR ')})`;

/** The `tags` column of a document. */
export const tagsText = (type: string, team: string | null) => (team === null ? tag('type', type) : `${tag('type', type)} ${tag('team', team)}`);

const ASCII = /^[\x00-\x7f]*$/;

/** gramPieces of an ASCII text, the same pieces in the same order without the regular expression, the
 *  normalising and the arrays: in ASCII the letters and digits are a-z, A-Z and 0-9, and NFC changes nothing. */
function asciiPieces(text: string, pieces: Set<string>): void {
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let char: string;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) char = text[i];
    else if (code >= 65 && code <= 90) char = String.fromCharCode(code + 32);
    else {
      previous = '';
      continue;
    }
    if (previous) pieces.add(previous + char);
    pieces.add(char);
    previous = char;
  }
}

/** The distinct one- and two-character pieces of the words in these texts, lower-cased. */
export function gramPieces(...texts: string[]): string[] {
  const pieces = new Set<string>();
  for (const text of texts) {
    if (ASCII.test(text)) {
      asciiPieces(text, pieces);
      continue;
    }
    for (const word of text.normalize('NFC').toLowerCase().match(WORD) ?? []) {
      const chars = [...word];
      for (let i = 0; i < chars.length; i++) {
        pieces.add(chars[i]!);
        if (i + 1 < chars.length) pieces.add(chars[i]! + chars[i + 1]!);
      }
    }
  }
  return [...pieces];
}

/** The `grams` column of a document in SQLite's FTS5 table: each piece written as exactly one trigram. */
export const gramsText = (...texts: string[]): string => gramPieces(...texts).map(gram).join('');

/** The `grams` column of a document on PostgreSQL: the pieces between spaces (` ab cd e `), so that pg_trgm
 *  reads each as a word of its own and `grams like '% ab %'` is answered from its trigram index (the
 *  padded trigrams `  a`, ` ab`, `ab `), which cannot serve `%ab%` in the text itself. */
export const postgresGrams = (...texts: string[]): string => ` ${gramPieces(...texts).join(' ')} `;

/** The trigram index finds words of three characters or more in the text; shorter ones are found in `grams`. */
export const inText = (word: string) => [...word].length >= 3;

/** One FTS5 query for a search: every word (lower-cased runs of letters and digits, see queryWords), and
 *  when given, one of the types and one of the teams (to be checked again on the rows; see `tags`). Every
 *  piece is a quoted string, so nothing typed reaches FTS5 as syntax. */
export function matchExpression(words: string[], filter: { types?: string[]; teams?: string[] } = {}): string {
  const terms = words.map((w) => (inText(w) ? `{title body} : ${phrase(w)}` : `grams : ${phrase(gram(w))}`));
  if (filter.types?.length) terms.push(anyOf('tags', filter.types.map((t) => tag('type', t))));
  if (filter.teams?.length) terms.push(anyOf('tags', filter.teams.map((t) => tag('team', t))));
  return terms.join(' AND ');
}
