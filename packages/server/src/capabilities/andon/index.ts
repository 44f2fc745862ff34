import type { FastifyInstance } from 'fastify';
import type { Db, Dialect } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { EventBus } from '../../platform/events/event-bus';
import { createAndonStore } from './andon-store';
import { createAndonService } from './andon-service';
import { createCoeFollowUp, FOLLOW_UP_AFTER_MS, type AndonNotifier, type CoeStarter } from './coe-follow-up';
import { createGateState } from './gate-state';
import { andonRoutes } from './andon-routes';
import { gateRoutes } from './gate-routes';
import { gateLane } from './gate-lane';

export { CATALOG_TOPIC } from './gate-state';
export type { AndonNotifier, CoeStarter } from './coe-follow-up';

/** The andon cord: pulls anyone may make, deploy gates every pipeline can ask, release by the owning team. */
export async function createAndon(deps: {
  db: Db;
  dialect: Dialect;
  audit: AuditLog;
  bus: EventBus;
  notify?: AndonNotifier;
  startCoe?: CoeStarter;
  heartbeatMs?: number;
  log?: { warn(details: object, message: string): void };
}) {
  const gates = createGateState(deps.db, deps.bus);
  await gates.start();
  const store = createAndonStore(deps.db, deps.dialect);
  const followUp = createCoeFollowUp({ db: deps.db, store, audit: deps.audit, startCoe: deps.startCoe, notify: deps.notify });
  const service = createAndonService({ db: deps.db, bus: deps.bus, store, audit: deps.audit, gates, notify: deps.notify, followUp });
  // Drafts a stopped process left unstarted: now, and every minute (every instance may; one wins each).
  const finish = () => void followUp.finishPending().catch((error: unknown) => deps.log?.warn({ err: error }, 'andon: starting pending COE drafts failed'));
  finish();
  const sweep = setInterval(finish, FOLLOW_UP_AFTER_MS);
  sweep.unref();
  return {
    service,
    gates,
    followUp,
    stop() {
      clearInterval(sweep);
      gates.stop();
    },
    /** Gate checks for the lean lane in front of Fastify. */
    lane: gateLane(gates),
    routes(app: FastifyInstance) {
      andonRoutes(app, service);
      gateRoutes(app, gates, { heartbeatMs: deps.heartbeatMs });
    },
  };
}
