import type { FastifyInstance } from 'fastify';
import type { SearchQuery } from '@dayone/contracts';
import type { AuditLog, AuditRecord } from '../../platform/audit/audit-log';
import type { Db, Dialect } from '../../platform/db/database';
import type { BulkWriter } from '../../platform/db/bulk-writer';
import { docKey, type SearchDocument } from './search-document';
import { createSearchIndex } from './search-index';
import { createSearchQuery } from './search-query';
import { searchRoutes } from './search-routes';
import { allSourceIds, manySources, sources, type Reindex } from './search-sources';

/** Search: one index over the documents of every capability, written in the same transaction as each
 *  change (it follows the audit log, which every write goes through), and read with SQLite FTS5 or
 *  PostgreSQL full-text and trigram matching. */
/** `bulk` (createBulkWriter(database)) lets SQLite write documents and their full-text rows with cached
 *  statements; without it they go in multi-row statements. */
export function createSearch(deps: { db: Db; dialect: Dialect; audit: AuditLog; bulk?: BulkWriter }) {
  const index = createSearchIndex(deps.dialect, deps.bulk);
  const query = createSearchQuery({ db: deps.db, dialect: deps.dialect });

  /** What entries written together mean for the index, as if each were applied after the one before it:
   *  a key's last word wins (a document to write, or nothing), and documents are written in the order of
   *  their last change, so each `seq` comes out as it would one entry at a time. Teams and catalog entries
   *  are read in a few queries for all of them (an import writes thousands at once). */
  async function reindex(trx: Db, records: AuditRecord[]): Promise<void> {
    const read = new Map<string, Map<string, Reindex>>();
    if (records.length > 1) {
      for (const [entityType, many] of Object.entries(manySources)) {
        const ids = records.filter((r) => r.entityType === entityType).map((r) => r.entityId);
        if (ids.length > 0) read.set(entityType, await many(trx, ids));
      }
    }
    const outcome = new Map<string, SearchDocument | null>();
    const settle = (key: string, doc: SearchDocument | null) => {
      outcome.delete(key);
      outcome.set(key, doc);
    };
    for (const record of records) {
      const source = sources[record.entityType];
      if (!source) continue;
      const { put, drop } = read.get(record.entityType)?.get(record.entityId) ?? (await source(trx, record.entityId));
      for (const key of drop) settle(key, null);
      if (record.action === 'team.deleted') settle(docKey('team', String((record.before as { name?: string } | undefined)?.name ?? '')), null);
      for (const doc of put) settle(doc.docKey, doc);
    }
    const dropped = [...outcome].filter(([, doc]) => doc === null).map(([key]) => key);
    await index.drop(trx, dropped);
    await index.put(trx, [...outcome.values()].filter((doc): doc is SearchDocument => doc !== null));
  }
  deps.audit.observe(reindex);

  /** Indexes everything there is, from scratch; run at start when the index is empty or incomplete (a new
   *  index on an old database, or a restored backup, which carries the documents but not the engine's own
   *  full-text tables). */
  async function rebuild(): Promise<number> {
    return deps.db.transaction().execute(async (trx) => {
      await index.clear(trx);
      let written = 0;
      for (const [entityType, ids] of await allSourceIds(trx)) {
        for (const id of ids) {
          const { put } = await sources[entityType]!(trx, id);
          await index.put(trx, put);
          written += put.length;
        }
      }
      return written;
    });
  }

  return {
    search: (q: SearchQuery) => query(q),
    rebuild,
    rebuildIfStale: async () => ((await index.stale(deps.db)) ? rebuild() : 0),
    routes: (app: FastifyInstance) => searchRoutes(app, query),
  };
}
