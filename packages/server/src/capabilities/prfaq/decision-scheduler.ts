import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { Decisions } from './decisions-service';

/** Applies what closing windows decide: default yes on two-way doors, escalation of silent deciders.
 *  The state is the due time in the database, so a restart loses nothing; each request is claimed by a
 *  conditional update in the same transaction as its outcome, so with several instances on PostgreSQL
 *  every outcome is applied exactly once. */
export function createDecisionScheduler(deps: { db: Db; decisions: Decisions; everyMs: () => Promise<number>; log?: FastifyBaseLogger }) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  /** One pass: returns how many outcomes this instance applied. */
  async function runOnce(): Promise<number> {
    const due = await deps.db.transaction().execute((trx) => deps.decisions.due(trx));
    let applied = 0;
    // One transaction per request, so one failing request does not hold the others back.
    for (const row of due) if (await deps.db.transaction().execute((trx) => deps.decisions.applyDue(trx, row))) applied++;
    return applied;
  }
  return {
    runOnce,
    start() {
      stopped = false;
      const tick = () =>
        void runOnce()
          .catch((error) => deps.log?.error({ err: error }, 'decision windows failed'))
          .finally(async () => {
            const every = await deps.everyMs().catch(() => 60_000);
            if (!stopped) timer = setTimeout(tick, every).unref();
          });
      timer = setTimeout(tick, 1000).unref();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
export type DecisionScheduler = ReturnType<typeof createDecisionScheduler>;
/** How often to look (the window may change with the admin's setting, so it is asked each time): a
 *  fifth of the window, between one second and a minute. */
export const pollEveryMs = (windowSeconds: number) => Math.min(60_000, Math.max(1000, Math.round((windowSeconds * 1000) / 5)));
