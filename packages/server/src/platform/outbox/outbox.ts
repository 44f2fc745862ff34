import type { Db } from '../db/database';
import type { EventBus } from '../events/event-bus';
import { newId, nowIso } from '../ids';

/** The transactional outbox.
 *
 *  Design: `enqueue(trx, notice)` runs inside the caller's transaction. It writes one `outbox_notices`
 *  row and fans the notice out at once: every registered sink (webhooks today; in-app notices later)
 *  names the targets that want it, and one `outbox_deliveries` row is written per (notice, target).
 *  So a notice and its deliveries exist exactly when the change committed; subscriptions are read at
 *  the moment of the change (a webhook registered later does not get older notices); and every
 *  delivery carries its own retry state and attempt log. Sending happens after the commit, in the
 *  delivery worker (delivery-worker.ts), which also picks up whatever a previous run left undelivered.
 */

export const OUTBOX_TOPIC = 'outbox';

export interface NoticeInput {
  /** A dotted type, e.g. andon.pulled. */
  type: string;
  /** JSON-serialisable; sent as the body's `data`. */
  payload: unknown;
  /** The team the notice is about (a pull's owning team), for subscribers that filter by team. */
  team?: string | null;
  occurredAt?: string;
}

export interface OutboxNotice {
  id: string;
  type: string;
  occurredAt: string;
  team: string | null;
  payload: unknown;
}

export interface DeliveryContext {
  deliveryId: string;
  targetId: string;
  /** 1 for the first try. */
  attempt: number;
  notice: OutboxNotice;
  /** Aborted on timeout and when the worker stops. */
  signal: AbortSignal;
}

export type AttemptResult =
  | { ok: true; statusCode: number | null }
  /** permanent: retrying cannot help (the target was switched off), so the delivery fails now. */
  | { ok: false; statusCode: number | null; error: string; permanent?: boolean };

export interface Sink {
  /** Inside the enqueuing transaction: the ids of this sink's targets that want the notice. */
  targets(trx: Db, notice: OutboxNotice): Promise<string[]>;
  /** One attempt to deliver; throwing counts as a failed attempt. */
  deliver(context: DeliveryContext): Promise<AttemptResult>;
}

export function createOutbox(deps: { bus?: EventBus } = {}) {
  const sinks = new Map<string, Sink>();
  const listeners = new Set<() => void>();

  return {
    /** Adds a kind of subscriber, under a name stored with each of its deliveries. */
    register(name: string, sink: Sink): void {
      if (sinks.has(name)) throw new Error(`outbox sink ${name} is registered already`);
      sinks.set(name, sink);
    },

    sink: (name: string): Sink | undefined => sinks.get(name),

    /** Records a notice and its deliveries in the caller's transaction; nothing is sent before it commits. */
    async enqueue(trx: Db, input: NoticeInput): Promise<OutboxNotice> {
      const notice: OutboxNotice = { id: newId(), type: input.type, occurredAt: input.occurredAt ?? nowIso(), team: input.team ?? null, payload: input.payload ?? null };
      await trx.insertInto('outbox_notices').values({ id: notice.id, type: notice.type, occurred_at: notice.occurredAt, team: notice.team, payload_json: JSON.stringify(notice.payload) }).execute();
      const now = nowIso();
      let count = 0;
      for (const [name, sink] of sinks) {
        for (const targetId of await sink.targets(trx, notice)) {
          await trx
            .insertInto('outbox_deliveries')
            .values({ id: newId(), notice_id: notice.id, sink: name, target_id: targetId, status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null, claimed_by: null, last_status_code: null, last_error: null, delivered_at: null, created_at: now })
            .execute();
          count++;
        }
      }
      if (count > 0) {
        // PostgreSQL: every instance hears this when (and only if) the transaction commits.
        await deps.bus?.publishInTransaction(trx, [{ topic: OUTBOX_TOPIC }]);
        // This process: wake the worker now. On the embedded database its query waits for the
        // transaction's connection, so it sees the rows once committed; elsewhere the notice above
        // or the next poll picks them up.
        setImmediate(() => listeners.forEach((l) => l()));
      }
      return notice;
    },

    /** Called (soon after) each enqueue that created deliveries in this process. */
    onEnqueued(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
