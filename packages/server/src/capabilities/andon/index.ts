import type { FastifyInstance } from 'fastify';
import type { Db, Dialect } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { EventBus } from '../../platform/events/event-bus';
import { createAndonStore } from './andon-store';
import { createAndonService, type AndonNotifier, type CoeStarter } from './andon-service';
import { createGateState } from './gate-state';
import { andonRoutes } from './andon-routes';
import { gateRoutes } from './gate-routes';
import { gateLane } from './gate-lane';

export { CATALOG_TOPIC } from './gate-state';
export type { AndonNotifier, CoeStarter } from './andon-service';

/** The andon cord: pulls anyone may make, deploy gates every pipeline can ask, release by the owning team. */
export async function createAndon(deps: { db: Db; dialect: Dialect; audit: AuditLog; bus: EventBus; notify?: AndonNotifier; startCoe?: CoeStarter; heartbeatMs?: number }) {
  const gates = createGateState(deps.db, deps.bus);
  await gates.start();
  const store = createAndonStore(deps.db, deps.dialect);
  const service = createAndonService({ db: deps.db, bus: deps.bus, store, audit: deps.audit, gates, notify: deps.notify, startCoe: deps.startCoe });
  return {
    service,
    gates,
    /** Gate checks for the lean lane in front of Fastify. */
    lane: gateLane(gates),
    routes(app: FastifyInstance) {
      andonRoutes(app, service);
      gateRoutes(app, gates, { heartbeatMs: deps.heartbeatMs });
    },
  };
}
