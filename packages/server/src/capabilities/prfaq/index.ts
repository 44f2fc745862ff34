import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db, Dialect } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Attachments } from '../../platform/attachments/index';
import { createPrfaqStore } from './prfaq-store';
import { createPrfaqService } from './prfaq-service';
import { createReviewRounds } from './review-rounds';
import { createDecisions } from './decisions-service';
import { createPrfaqMockups } from './prfaq-mockups';
import { coachInput } from './prfaq-coach';
import { lintPrfaq } from './coach/index';
import { createDecisionScheduler, pollEveryMs } from './decision-scheduler';
import { createDecisionWindowSetting, decisionWindowFromEnv } from './decision-window';
import { prfaqRoutes } from './prfaq-routes';
import { reviewRoutes } from './review-routes';
import { decisionRoutes } from './decision-routes';
import { mockupRoutes } from './mockup-routes';
import { createPrfaqNotices } from './prfaq-notices';
import type { Outbox } from '../../platform/outbox/index';

export { parseDuration, decisionWindowFromEnv } from './decision-window';
export type { PrfaqNoticeData } from './prfaq-notices';

/** Whether a PR/FAQ with this number exists, for other capabilities that link to one (experiments). */
export async function prfaqExists(trx: Db, number: number): Promise<boolean> {
  return !!(await trx.selectFrom('prfaqs').select('id').where('number', '=', number).executeTakeFirst());
}

/** Working Backwards: PR/FAQ documents with versions, review rounds and the Institutional Yes.
 *  `windowSeconds` defaults to DAYONE_DECISION_WINDOW (or 72 hours); an admin setting overrides it.
 *  Review invitations and decisions leave as notices through `outbox` (none without one). */
export function createPrfaq(deps: { db: Db; dialect: Dialect; audit: AuditLog; outbox?: Outbox; attachments?: Attachments; clock?: () => Date; windowSeconds?: number; log?: FastifyBaseLogger }) {
  const clock = deps.clock ?? (() => new Date());
  const windowSeconds = deps.windowSeconds ?? decisionWindowFromEnv();
  const store = createPrfaqStore(deps.db, deps.dialect);
  const parts = {
    rounds: (trx: Db, prfaq: Parameters<ReviewRounds['list']>[1]) => rounds.list(trx, prfaq),
    decisions: (trx: Db, prfaq: Parameters<ReviewRounds['list']>[1]) => decisions.ofPrfaq(trx, prfaq),
    coach: (sections: Parameters<typeof coachInput>[0], customer: string) => lintPrfaq(coachInput(sections, customer)),
    checkMockups: deps.attachments ? (...args: Parameters<PrfaqMockups['assertOwnImages']>) => mockups!.assertOwnImages(...args) : undefined,
  };
  const service = createPrfaqService({ db: deps.db, store, audit: deps.audit, clock, parts });
  const notices = createPrfaqNotices(deps.outbox);
  const rounds = createReviewRounds({ db: deps.db, store, audit: deps.audit, clock, mustFind: service.mustFind, notices });
  const decisions = createDecisions({ db: deps.db, store, audit: deps.audit, clock, windowSeconds, mustFind: service.mustFind, notices });
  const mockups = deps.attachments ? createPrfaqMockups({ db: deps.db, attachments: deps.attachments, mustFind: service.mustFind }) : null;
  const windowSetting = createDecisionWindowSetting({ db: deps.db, audit: deps.audit, fallbackSeconds: windowSeconds, fromEnvironment: deps.windowSeconds === undefined && !!process.env.DAYONE_DECISION_WINDOW?.trim() });
  const scheduler = createDecisionScheduler({ db: deps.db, decisions, everyMs: async () => pollEveryMs((await windowSetting.get()).windowSeconds), log: deps.log });
  return {
    service,
    rounds,
    decisions,
    scheduler,
    routes(app: FastifyInstance) {
      decisionRoutes(app, deps.db, service, decisions, windowSetting);
      prfaqRoutes(app, service);
      reviewRoutes(app, service, rounds, deps.db);
      if (mockups) mockupRoutes(app, mockups);
    },
  };
}
type ReviewRounds = ReturnType<typeof createReviewRounds>;
type PrfaqMockups = ReturnType<typeof createPrfaqMockups>;
