import type { FastifyInstance } from 'fastify';
import { analyseCatalog } from './catalog-health';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { EventBus } from '../../platform/events/event-bus';
import { createDependencyIndex } from './dependency-index';
import type { OwnershipProvider } from '../teams/index';
import { createCatalogStore } from './catalog-store';
import { createCatalogService } from './catalog-service';
import { createCatalogImport } from './catalog-import';
import { catalogRoutes } from './catalog-routes';

export type { CatalogService } from './catalog-service';

/** The service catalog: entities owned by teams, Backstage import/export, and the architecture's health. */
export function createCatalog(deps: { db: Db; audit: AuditLog; bus: EventBus; onChanged?: () => Promise<void> }) {
  const store = createCatalogStore(deps.db);
  const index = createDependencyIndex(store, deps.bus);
  const service = createCatalogService({ db: deps.db, store, audit: deps.audit, index });
  const importer = createCatalogImport({ db: deps.db, audit: deps.audit, catalog: service });
  const ownership: OwnershipProvider = async (trx, teamId) => {
    const team = await trx.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
    return team ? store.ownedBy(trx, team.name) : [];
  };
  const onChanged = async () => {
    index.forget();
    await deps.onChanged?.();
  };
  /** The architecture's health over the whole catalog (what GET /api/v1/catalog/health answers). */
  const health = async () => analyseCatalog(await store.graph());
  return { service, store, importer, ownership, health, routes: (app: FastifyInstance) => catalogRoutes(app, { db: deps.db, service, store, importer, onChanged }) };
}
