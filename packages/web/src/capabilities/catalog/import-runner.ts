import { ApiError, isApiError } from '../../api/api-error';
import { importCatalogYaml, type ImportSummary } from './catalog-api';
import { BATCH_BYTES, emptySummary, locateInFile, mergeSummary, planBatches, splitDocuments } from './import-batches';

export type ImportProgress = { done: number; total: number };

/** What an import did; `stopped` says why a batched import ended early (what went before is imported). */
export type ImportRun = { summary: ImportSummary; batches: number; stopped: { atBatch: number; error: ApiError } | null };

/** Imports the text in one request when it is small enough, otherwise in batches (Users and Groups first).
 *  A problem with a one-request import is thrown; a batched one reports how far it got. */
export async function runImport(text: string, onProgress: (p: ImportProgress) => void): Promise<ImportRun> {
  if (new TextEncoder().encode(text).length <= BATCH_BYTES) {
    onProgress({ done: 0, total: 1 });
    return { summary: await importCatalogYaml(text), batches: 1, stopped: null };
  }
  const batches = planBatches(splitDocuments(text));
  let summary = emptySummary;
  for (const [i, batch] of batches.entries()) {
    onProgress({ done: i, total: batches.length });
    try {
      summary = mergeSummary(summary, await importCatalogYaml(batch.text), batch);
    } catch (error) {
      if (isApiError(error) && error.status === 413 && batch.documents.length === 1) {
        const reason = 'larger than the server accepts in one request (DAYONE_BODY_LIMIT)';
        summary = { ...summary, rejected: summary.rejected + 1, results: [...summary.results, { document: batch.documents[0], ref: null, status: 'rejected', reason }] };
        continue;
      }
      if (i === 0 && !(isApiError(error) && error.code === 'YAML_PARSE_ERROR')) throw error;
      const located = isApiError(error) ? new ApiError(error.status, { code: error.code, detail: locateInFile(error.detail, batch) }) : new ApiError(0, { detail: String(error) });
      return { summary: sorted(summary), batches: batches.length, stopped: { atBatch: i + 1, error: located } };
    }
  }
  onProgress({ done: batches.length, total: batches.length });
  return { summary: sorted(summary), batches: batches.length, stopped: null };
}

const sorted = (s: ImportSummary): ImportSummary => ({ ...s, results: [...s.results].sort((a, b) => a.document - b.document) });
