import { describe, expect, it } from 'vitest';
import { locateInFile, mergeSummary, emptySummary, planBatches, splitDocuments } from './import-batches';

const doc = (kind: string, name: string) => `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}`;

describe('splitting a catalog-info.yaml for import in batches', () => {
  it('splits at --- lines, keeps start lines, drops empty and comment-only documents', () => {
    const text = ['---', doc('Component', 'a'), '--- # second', doc('Group', 'g'), '---', '# only a comment', '', '---', doc('API', 'b')].join('\n');
    const docs = splitDocuments(text);
    expect(docs.map((d) => [d.firstLine, d.org])).toEqual([[1, false], [6, true], [14, false]]);
    expect(docs[2].text).toBe(`---\n${doc('API', 'b')}`);
  });

  it('does not split at --- inside a line or indented', () => {
    const text = `${doc('API', 'x')}\nspec:\n  definition: |\n    a --- b\n    ---x`;
    expect(splitDocuments(text)).toHaveLength(1);
  });

  it('sends users and groups first, then the rest in batches under the limit, numbered as in the file', () => {
    const docs = splitDocuments([doc('Component', 'a'), doc('User', 'u'), doc('Component', 'b'), doc('Component', 'c')].join('\n---\n'));
    const batches = planBatches(docs, 130);
    expect(batches.map((b) => b.documents)).toEqual([[2], [1], [3], [4]]);
    const merged = [
      { created: 1, updated: 0, unchanged: 0, rejected: 0, skipped: 0, results: [{ document: 1, ref: 'user:default/u', status: 'created' as const }] },
      { created: 0, updated: 0, unchanged: 0, rejected: 1, skipped: 0, results: [{ document: 1, ref: 'component:default/a', status: 'rejected' as const, reason: 'no' }] },
    ].reduce((total, part, i) => mergeSummary(total, part, batches[i]), emptySummary);
    expect(merged.created).toBe(1);
    expect(merged.rejected).toBe(1);
    expect(merged.results.map((r) => r.document)).toEqual([2, 1]);
  });

  it('puts the file line numbers back into a YAML error', () => {
    const docs = splitDocuments([doc('Component', 'a'), doc('Component', 'b'), doc('Component', 'c')].join('\n---\n'));
    const batches = planBatches(docs, 100);
    expect(batches.map((b) => b.documents)).toEqual([[1], [2], [3]]);
    // Document 3 begins with the --- on line 10 of the file, so its third line is the file's line 12.
    expect(locateInFile('document 1, line 3: bad indentation at line 3, column 1', batches[2])).toBe('document 3, line 12: bad indentation at line 12, column 1');
  });
});
