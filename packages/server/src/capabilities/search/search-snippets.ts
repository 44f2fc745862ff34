const SNIPPET = 200;

type Range = { start: number; end: number };

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the words occur in a text, case-insensitively, as non-overlapping ranges in order. */
export function matchesOf(text: string, words: string[]): Range[] {
  if (words.length === 0 || text === '') return [];
  const pattern = new RegExp(words.map(escape).sort((a, b) => b.length - a.length).join('|'), 'giu');
  const ranges: Range[] = [];
  for (const m of text.matchAll(pattern)) ranges.push({ start: m.index, end: m.index + m[0].length });
  return ranges;
}

/** A passage of about 200 characters around the first match (the text's start when nothing matches in
 *  it), cut at spaces, with the matches inside it as offsets into the passage. */
export function snippetOf(text: string, words: string[]): { snippet: string; highlights: Range[] } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const all = matchesOf(flat, words);
  const first = all[0]?.start ?? 0;
  let start = Math.max(0, first - 60);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + SNIPPET);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > start && space > (all[0]?.end ?? 0) ? space : end;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const snippet = `${prefix}${flat.slice(start, end)}${suffix}`;
  const highlights = all
    .filter((r) => r.start >= start && r.end <= end)
    .map((r) => ({ start: r.start - start + prefix.length, end: r.end - start + prefix.length }));
  return { snippet, highlights };
}
