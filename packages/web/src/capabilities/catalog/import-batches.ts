import type { ImportSummary } from './catalog-api';

/** The server takes at most 1 MiB per request (DAYONE_BODY_LIMIT); batches stay well under it. */
export const BATCH_BYTES = 768 * 1024;

/** One YAML document of the pasted text: its text and the line it starts on (1-based). */
export type SourceDocument = { text: string; firstLine: number; org: boolean };

/** A request's body, with the original document number and line of each of its lines. */
export type ImportBatch = { text: string; documents: number[]; lines: (number | null)[] };

const marker = /^---(\s|$)/;
const blank = /^\s*(#.*)?$/;

/** Splits multi-document YAML at its `---` lines, dropping documents that hold only comments or
 *  nothing (the server does not count those either). */
export function splitDocuments(text: string): SourceDocument[] {
  const lines = text.split('\n');
  const documents: SourceDocument[] = [];
  let start = 0;
  const close = (end: number) => {
    const own = lines.slice(start, end);
    if (own.some((line, i) => !(i === 0 && marker.test(line)) && !blank.test(line))) {
      const body = own.join('\n');
      documents.push({ text: body, firstLine: start + 1, org: /^kind:\s*['"]?(group|user)['"]?\s*$/im.test(body) });
    }
    start = end;
  };
  lines.forEach((line, i) => {
    if (i > 0 && marker.test(line)) close(i);
  });
  close(lines.length);
  return documents;
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** Users and Groups first (all in one request, so that teams and memberships link up), then the
 *  other documents in batches under `limit` bytes; a single larger document goes alone. */
export function planBatches(documents: SourceDocument[], limit = BATCH_BYTES): ImportBatch[] {
  const numbered = documents.map((doc, i) => ({ doc, number: i + 1 }));
  const batches: ImportBatch[] = [];
  const build = (docs: typeof numbered): ImportBatch => {
    const parts: string[] = [];
    const lines: (number | null)[] = [];
    for (const { doc } of docs) {
      const own = doc.text.split('\n');
      if (!marker.test(own[0])) {
        parts.push('---');
        lines.push(null);
      }
      parts.push(doc.text);
      own.forEach((_, i) => lines.push(doc.firstLine + i));
    }
    return { text: parts.join('\n'), documents: docs.map((d) => d.number), lines };
  };
  const org = numbered.filter((d) => d.doc.org);
  if (org.length) batches.push(build(org));
  let current: typeof numbered = [];
  let size = 0;
  for (const entry of numbered.filter((d) => !d.doc.org)) {
    const n = bytes(entry.doc.text) + 5;
    if (current.length && size + n > limit) {
      batches.push(build(current));
      current = [];
      size = 0;
    }
    current.push(entry);
    size += n;
  }
  if (current.length) batches.push(build(current));
  return batches;
}

/** Adds one batch's outcome to the running summary, numbering its documents as in the whole file. */
export function mergeSummary(total: ImportSummary, part: ImportSummary, batch: ImportBatch): ImportSummary {
  return {
    created: total.created + part.created,
    updated: total.updated + part.updated,
    unchanged: total.unchanged + part.unchanged,
    rejected: total.rejected + part.rejected,
    skipped: total.skipped + part.skipped,
    results: [...total.results, ...part.results.map((r) => ({ ...r, document: batch.documents[r.document - 1] ?? r.document }))],
  };
}

export const emptySummary: ImportSummary = { created: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, results: [] };

/** Rewrites a batch's "document N, line M: … at line M, column C" in the whole file's numbers. */
export function locateInFile(detail: string, batch: ImportBatch): string {
  return detail
    .replace(/^document (\d+)/, (_all, n: string) => `document ${batch.documents[Number(n) - 1] ?? n}`)
    .replace(/\bline (\d+)/g, (_all, n: string) => `line ${batch.lines[Number(n) - 1] ?? n}`);
}
