import type { FastifyInstance } from 'fastify';
import { analyseCatalog, HEALTH_RULES, overloaded } from './catalog-health';
import type { Db } from '../../platform/db/database';
import { createBulkWriter, type BulkWriter } from '../../platform/db/bulk-writer';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { EventBus } from '../../platform/events/event-bus';
import { createDependencyIndex } from './dependency-index';
import type { OwnershipProvider, TeamFindingsProvider } from '../teams/index';
import { createCatalogStore } from './catalog-store';
import { createCatalogService } from './catalog-service';
import { createCatalogImport } from './catalog-import';
import { catalogRoutes } from './catalog-routes';

export type { CatalogService } from './catalog-service';

/** The service catalog: entities owned by teams, Backstage import/export, and the architecture's health.
 *  `bulk` (createBulkWriter(database)) lets SQLite write new entities, relations and an import's audit
 *  entries with cached statements; without it they go in multi-row statements, as on PostgreSQL. */
export function createCatalog(deps: { db: Db; audit: AuditLog; bus: EventBus; bulk?: BulkWriter; onChanged?: () => Promise<void> }) {
  const bulk = deps.bulk ?? createBulkWriter({});
  const store = createCatalogStore(deps.db, bulk);
  const index = createDependencyIndex(store, deps.bus);
  const service = createCatalogService({ db: deps.db, store, audit: deps.audit, index, bulk });
  const importer = createCatalogImport({ db: deps.db, audit: deps.audit, catalog: service, store, bulk });
  const ownership: OwnershipProvider = async (trx, teamId) => {
    const team = await trx.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
    return team ? store.ownedBy(trx, team.name) : [];
  };
  /** The org tree's TEAM_OVERLOADED: the catalog health's rule, from one grouped count. */
  const teamFindings: TeamFindingsProvider = async (trx, teams) => {
    const owned = await store.componentsPerTeam(trx);
    const found = new Map<string, { code: 'TEAM_OVERLOADED'; message: string }[]>();
    for (const t of teams) {
      const count = owned.get(t.name) ?? 0;
      if (!overloaded(count, t.memberCount)) continue;
      const people = `${t.memberCount} ${t.memberCount === 1 ? 'person' : 'people'}`;
      found.set(t.name, [{ code: 'TEAM_OVERLOADED', message: `This team owns ${count} components with ${people}, more than the ${HEALTH_RULES.servicesPerMember} per person it can carry well.` }]);
    }
    return found;
  };
  const onChanged = async () => {
    index.forget();
    await deps.onChanged?.();
  };
  /** The architecture's health over the whole catalog (what GET /api/v1/catalog/health answers). */
  const health = async () => analyseCatalog(await store.graph());
  return { service, store, importer, ownership, teamFindings, health, routes: (app: FastifyInstance) => catalogRoutes(app, { db: deps.db, service, store, importer, onChanged }) };
}
