import type { FastifyInstance } from 'fastify';
import type { Db, Dialect } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import { createPrfaqStore } from './prfaq-store';
import { createPrfaqService } from './prfaq-service';
import { createReviewRounds } from './review-rounds';
import { prfaqRoutes } from './prfaq-routes';
import { reviewRoutes } from './review-routes';

/** Whether a PR/FAQ with this number exists, for other capabilities that link to one (experiments). */
export async function prfaqExists(trx: Db, number: number): Promise<boolean> {
  return !!(await trx.selectFrom('prfaqs').select('id').where('number', '=', number).executeTakeFirst());
}

/** Working Backwards: PR/FAQ documents with versions, review rounds and the Institutional Yes. */
export function createPrfaq(deps: { db: Db; dialect: Dialect; audit: AuditLog; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  const store = createPrfaqStore(deps.db, deps.dialect);
  let rounds: ReturnType<typeof createReviewRounds>;
  const service = createPrfaqService({
    db: deps.db,
    store,
    audit: deps.audit,
    clock,
    parts: { rounds: (trx, prfaq) => rounds.list(trx, prfaq), decisions: async () => [] },
  });
  rounds = createReviewRounds({ db: deps.db, store, audit: deps.audit, clock, mustFind: service.mustFind });
  return {
    service,
    rounds,
    routes(app: FastifyInstance) {
      prfaqRoutes(app, service);
      reviewRoutes(app, service, rounds, deps.db);
    },
  };
}
