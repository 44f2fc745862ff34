import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import { createFlywheelService } from './flywheel-service';
import { flywheelRoutes } from './flywheel-routes';

/** A team's flywheel: its loop of input and output metrics, weekly values and the weekly review. */
export function createFlywheel(deps: { db: Db; audit: AuditLog; clock?: () => Date }) {
  const service = createFlywheelService({ db: deps.db, audit: deps.audit, clock: deps.clock ?? (() => new Date()) });
  return { service, routes: (app: FastifyInstance) => flywheelRoutes(app, service) };
}
