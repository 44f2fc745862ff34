import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { EventBus } from '../../platform/events/event-bus';
import { createTeamReadCache } from './team-read-cache';
import { createTeamsStore } from './teams-store';
import { createTeamsService, type OwnershipProvider, type TeamFindingsProvider } from './teams-service';
import { teamsRoutes } from './teams-routes';
import { teamLane } from './team-lane';

export type { OwnershipProvider, TeamFindingsProvider, TeamsService } from './teams-service';

export function createTeams(deps: { db: Db; audit: AuditLog; bus: EventBus; ownership?: OwnershipProvider[]; findings?: TeamFindingsProvider[] }) {
  const store = createTeamsStore(deps.db);
  const service = createTeamsService({ db: deps.db, store, audit: deps.audit, ownership: deps.ownership ?? [], findings: deps.findings ?? [] });
  const cache = createTeamReadCache(deps.bus);
  return { service, cache, lane: teamLane(cache), routes: (app: FastifyInstance) => teamsRoutes(app, service, cache) };
}
export { isTeamMember } from './team-membership';
export { teamWithSubTeams } from './team-tree';
