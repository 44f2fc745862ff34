import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { Outbox } from '../../platform/outbox/index';
import type { ActionItems } from './action-items-service';
import { presentItem } from './coe-store';

export const REMINDER_TYPE = 'coe.action_item_overdue';

/** Once a day per overdue action item, a notice through the outbox: to webhooks, and to the inboxes (or
 *  personal webhooks) of its owner and the COE's watchers.
 *  Claiming and enqueueing share one transaction, so a crash sends nothing twice and loses nothing, and
 *  several instances never remind twice: marking the item reminded today is the claim. */
export function createCoeReminders(deps: { db: Db; items: ActionItems; outbox: Outbox; clock: () => Date; everyMs?: number; log?: FastifyBaseLogger }) {
  let timer: NodeJS.Timeout | undefined;
  const runOnce = () =>
    deps.db.transaction().execute(async (trx) => {
      const claimed = await deps.items.claimOverdue(trx);
      for (const item of claimed) {
        await deps.outbox.enqueue(trx, { type: REMINDER_TYPE, team: item.team, occurredAt: deps.clock().toISOString(), payload: { item: presentItem(item, deps.clock()), path: `/coes/${item.coe_number}` } });
      }
      return claimed.length;
    });
  return {
    runOnce,
    start() {
      const tick = () =>
        void runOnce()
          .catch((error) => deps.log?.error({ err: error }, 'action item reminders failed'))
          .finally(() => (timer = setTimeout(tick, deps.everyMs ?? 3_600_000).unref()));
      timer = setTimeout(tick, 1000).unref();
    },
    stop: () => clearTimeout(timer),
  };
}
