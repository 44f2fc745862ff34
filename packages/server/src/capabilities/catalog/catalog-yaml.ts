/** A quick reader for the plain kind of catalog-info.yaml that tools and people usually write: block
 *  mappings with simple keys, block sequences and one-line flow sequences of scalars, and one-line
 *  scalars (plain words, single- or double-quoted strings). It answers exactly what the `yaml` library
 *  (YAML 1.2, core schema) reads from such a stream, several times faster, or null as soon as it meets
 *  anything else (anchors, tags, block scalars, numbers, booleans, comments after values, scalars over
 *  several lines, duplicate keys, tabs …): then the library reads the whole stream, and reports errors as
 *  it always has. It never reports an error itself. */

type Value = string | null | Value[] | { [key: string]: Value };

/** Not simple: the library must read the stream. */
class NotSimple extends Error {}
const notSimple = (): never => {
  throw new NotSimple();
};

/** Characters the quick reader knows how YAML treats: line feeds, printable ASCII and printable Unicode
 *  outside the line and paragraph separators, the byte-order mark and the specials (tabs, carriage returns
 *  and the rest are left to the library). Surrogates pass: UTF-8 text only holds them in pairs. */
const UNUSUAL = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ufefe\uff00-\ufffd]/;
/** Plain words the core schema reads as something other than a string. */
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** YAML allows an implicit key of at most 1024 characters; longer ones are the library's to refuse. */
const MAX_KEY = 1000;
/** A plain scalar in block context: starts with a letter (so never a number, .inf or ~), holds no `#`
 *  (a comment), no `: ` (a mapping) and does not end with `:`. */
const PLAIN = /^[A-Za-z][^#]*$/;
/** A plain scalar inside a flow sequence: no flow indicators, quotes or colons either. */
const FLOW_PLAIN = /^[A-Za-z][^#,[\]{}:"']*$/;

/** YAML's white space here is the space alone (tabs never reach the quick reader). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

interface Line {
  indent: number;
  /** The line without its indentation and trailing spaces. */
  text: string;
}

function plain(text: string, pattern: RegExp): string {
  if (!pattern.test(text) || text.includes(': ') || text.endsWith(':') || text.endsWith(' ') || NOT_STRINGS.has(text)) notSimple();
  return text;
}

/** A double-quoted scalar that is also a JSON string (YAML's escapes include all of JSON's, meaning the
 *  same) starting at `from`; answers the value and where it ends. */
function doubleQuoted(text: string, from: number): [string, number] {
  let i = from + 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') break;
  }
  if (i >= text.length) notSimple();
  let value: unknown;
  try {
    value = JSON.parse(text.slice(from, i + 1));
  } catch {
    notSimple();
  }
  return [value as string, i + 1];
}

/** A single-quoted scalar (`''` is a quote) starting at `from`; answers the value and where it ends. */
function singleQuoted(text: string, from: number): [string, number] {
  let i = from + 1;
  for (;;) {
    const end = text.indexOf("'", i);
    if (end < 0) notSimple();
    if (text[end + 1] === "'") {
      i = end + 2;
      continue;
    }
    return [text.slice(from + 1, end).replaceAll("''", "'"), end + 1];
  }
}

/** `[a, "b", 'c']` on one line, scalars only. */
function flowSequence(text: string): Value[] {
  const items: Value[] = [];
  let i = 1;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  skipSpaces();
  if (text[i] === ']') {
    if (i + 1 !== text.length) notSimple();
    return items;
  }
  for (;;) {
    skipSpaces();
    const c = text[i];
    if (c === '"' || c === "'") {
      const [value, end] = c === '"' ? doubleQuoted(text, i) : singleQuoted(text, i);
      items.push(value);
      i = end;
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== ']') end++;
      items.push(plain(trimSpaces(text.slice(i, end)), FLOW_PLAIN));
      i = end;
    }
    skipSpaces();
    if (text[i] === ']') {
      if (i + 1 !== text.length) notSimple();
      return items;
    }
    if (text[i] !== ',') notSimple();
    i++;
  }
}

/** A scalar or flow sequence that is the whole rest of a line. */
function inlineValue(text: string): Value {
  const c = text[0];
  if (c === '"' || c === "'") {
    const [value, end] = c === '"' ? doubleQuoted(text, 0) : singleQuoted(text, 0);
    if (end !== text.length) notSimple();
    return value;
  }
  if (c === '[') return flowSequence(text);
  return plain(text, PLAIN);
}

class Reader {
  private at = 0;
  constructor(private readonly lines: Line[]) {}

  /** The next line with content, or undefined at the end of the document. */
  peek(): Line | undefined {
    return this.lines[this.at];
  }

  /** A block mapping whose keys stand at `indent`. */
  mapping(indent: number): { [key: string]: Value } {
    const map: { [key: string]: Value } = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const colon = line.text.indexOf(':');
      if (colon <= 0) notSimple();
      const key = line.text.slice(0, colon);
      if (key.length > MAX_KEY || !KEY.test(key) || NOT_STRINGS.has(key) || key === '__proto__' || Object.hasOwn(map, key)) notSimple();
      const rest = line.text.slice(colon + 1);
      this.at++;
      if (rest === '') {
        map[key] = this.nested(indent);
      } else {
        if (rest[0] !== ' ') notSimple();
        map[key] = inlineValue(trimSpaces(rest));
        this.expectEnd(indent);
      }
    }
    return map;
  }

  /** What follows `key:` on lines of its own: a sequence (at the key's indentation or deeper), a deeper
   *  mapping, or nothing (null). */
  private nested(indent: number): Value {
    const next = this.peek();
    if (!next || next.indent < indent) return null;
    if (next.text === '-') notSimple(); // an empty item
    const isItem = next.text.startsWith('- ');
    if (next.indent === indent) return isItem ? this.sequence(indent) : null;
    return isItem ? this.sequence(next.indent) : this.mapping(next.indent);
  }

  /** A block sequence of scalars whose dashes stand at `indent`. */
  private sequence(indent: number): Value[] {
    const items: Value[] = [];
    for (let line = this.peek(); line && line.indent === indent && line.text.startsWith('- '); line = this.peek()) {
      this.at++;
      items.push(inlineValue(trimSpaces(line.text.slice(2))));
      this.expectEnd(indent);
    }
    return items;
  }

  /** After a value on one line, the next line may not be deeper: that would continue it. */
  private expectEnd(indent: number): void {
    const next = this.peek();
    if (next && next.indent > indent) notSimple();
  }

  get done(): boolean {
    return this.at === this.lines.length;
  }
}

/** One document's lines (blank lines and whole-line comments left out) as a mapping, or null when it has
 *  none (an empty document, which the import leaves out). */
function readDocument(lines: Line[]): Value | undefined {
  if (lines.length === 0) return undefined;
  if (lines[0].indent !== 0) notSimple();
  const reader = new Reader(lines);
  const root = reader.mapping(0);
  if (!reader.done) notSimple();
  return root;
}

/** The documents of a stream, as `JSON.parse(JSON.stringify(doc.toJS()))` of each non-empty document the
 *  library reads; null when the stream is not of the simple kind. */
export function readSimpleYaml(source: string): unknown[] | null {
  let text = source;
  if (text.includes('\r')) {
    // Line ends written as CR LF mean what LF means; a CR anywhere else is left to the library.
    text = text.replaceAll('\r\n', '\n');
    if (text.includes('\r')) return null;
  }
  if (UNUSUAL.test(text)) return null;
  try {
    const documents: unknown[] = [];
    let lines: Line[] = [];
    const finish = () => {
      const doc = readDocument(lines);
      if (doc !== undefined) documents.push(doc);
      lines = [];
    };
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32) indent++;
      const content = trimSpaces(text.slice(start + indent, end));
      start = end + 1;
      if (content === '' || content[0] === '#') continue;
      if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content[0] === '%')) {
        if (content !== '---') return null;
        finish();
        continue;
      }
      lines.push({ indent, text: content });
    }
    finish();
    return documents;
  } catch {
    // Not simple, or too deep for the stack: the library reads it, and says what is wrong if anything is.
    return null;
  }
}
