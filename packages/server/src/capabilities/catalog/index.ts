import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { OwnershipProvider } from '../teams/index';
import { createCatalogStore } from './catalog-store';
import { createCatalogService } from './catalog-service';
import { createCatalogImport } from './catalog-import';
import { catalogRoutes } from './catalog-routes';

export type { CatalogService } from './catalog-service';

/** The service catalog: entities owned by teams, Backstage import/export, and the architecture's health. */
export function createCatalog(deps: { db: Db; audit: AuditLog; onChanged?: () => Promise<void> }) {
  const store = createCatalogStore(deps.db);
  const service = createCatalogService({ db: deps.db, store, audit: deps.audit });
  const importer = createCatalogImport({ db: deps.db, audit: deps.audit, catalog: service });
  const ownership: OwnershipProvider = async (trx, teamId) => {
    const team = await trx.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
    return team ? store.ownedBy(trx, team.name) : [];
  };
  return { service, store, importer, ownership, routes: (app: FastifyInstance) => catalogRoutes(app, { db: deps.db, service, store, importer, onChanged: deps.onChanged ?? (async () => {}) }) };
}
