import type { FastifyInstance } from 'fastify';
import type { SearchQuery } from '@dayone/contracts';
import type { AuditLog, AuditRecord } from '../../platform/audit/audit-log';
import type { Db, Dialect } from '../../platform/db/database';
import { docKey } from './search-document';
import { createSearchIndex } from './search-index';
import { createSearchQuery } from './search-query';
import { searchRoutes } from './search-routes';
import { allSourceIds, sources } from './search-sources';

/** Search: one index over the documents of every capability, written in the same transaction as each
 *  change (it follows the audit log, which every write goes through), and read with SQLite FTS5 or
 *  PostgreSQL full-text and trigram matching. */
export function createSearch(deps: { db: Db; dialect: Dialect; audit: AuditLog }) {
  const index = createSearchIndex(deps.dialect);
  const query = createSearchQuery({ db: deps.db, dialect: deps.dialect });

  async function reindex(trx: Db, record: AuditRecord): Promise<void> {
    const source = sources[record.entityType];
    if (!source) return;
    const { put, drop } = await source(trx, record.entityId);
    if (record.action === 'team.deleted') drop.push(docKey('team', String((record.before as { name?: string } | undefined)?.name ?? '')));
    await index.drop(trx, drop);
    await index.put(trx, put);
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
