import type { Db } from '../db/database';
import type { EventBus } from '../events/event-bus';
import { newId, nowIso } from '../ids';
import { retryDelay, type DeliverySettings } from './delivery-settings';
import { OUTBOX_TOPIC, type AttemptResult, type Outbox, type OutboxNotice } from './outbox';

export interface WorkerLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const silent: WorkerLog = { warn: () => {}, error: () => {} };
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Sends the outbox's deliveries after their transactions commit, with retries and backoff.
 *
 *  It polls for due rows (pending, next attempt reached, not claimed), and is woken at once by an
 *  enqueue in this process or, on PostgreSQL, by any instance's commit. Several instances may share
 *  a database: a row is claimed by a conditional update (`claimed_until` in the past or empty) that
 *  only one of them can win, and the claim is a lease, so a row held by an instance that died is
 *  taken over once it expires. Every attempt is logged; on stop, in-flight requests are aborted and
 *  their claims released without counting an attempt, so nothing is lost across a restart. */
export function createDeliveryWorker(deps: { db: Db; outbox: Outbox; bus?: EventBus; settings: DeliverySettings; log?: WorkerLog }) {
  const { db, outbox, settings } = deps;
  const log = deps.log ?? silent;
  const instance = newId();
  const leaseMs = settings.timeoutMs + 30_000;
  const inFlight = new Map<string, Promise<void>>();
  const shutdown = new AbortController();
  let stopped = true;
  let ticking: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDue = Infinity;
  const unsubscribe: (() => void)[] = [];

  /** Runs a tick in at most `ms`; an earlier request wins over a later one. */
  function scheduleIn(ms: number) {
    if (stopped) return;
    const due = Date.now() + ms;
    if (timer && timerDue <= due) return;
    clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(() => {
      timer = undefined;
      timerDue = Infinity;
      wake();
    }, Math.max(0, ms));
  }

  function wake() {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = (async () => {
      try {
        do {
          again = false;
          await fill();
        } while (again && !stopped);
      } catch (error) {
        if (!stopped) log.warn({ err: error }, 'outbox: looking for due deliveries failed');
      } finally {
        ticking = null;
        scheduleIn(settings.pollMs);
      }
    })();
  }

  /** Claims due deliveries up to the concurrency limit and starts them. */
  async function fill() {
    const room = settings.concurrency - inFlight.size;
    if (room <= 0 || stopped) return;
    const now = nowIso();
    const due = await db
      .selectFrom('outbox_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(room)
      .execute();
    for (const { id } of due) {
      if (stopped) return;
      if (inFlight.has(id) || !(await claim(id))) continue;
      if (stopped) return void (await release(id));
      const run = attempt(id)
        .catch((error) => log.warn({ err: error, delivery: id }, 'outbox: recording a delivery attempt failed'))
        .finally(() => {
          inFlight.delete(id);
          wake();
        });
      inFlight.set(id, run);
    }
  }

  /** Only one instance can win: the update re-checks the claim (and that the row is still due). */
  async function claim(id: string): Promise<boolean> {
    const now = nowIso();
    const result = await db
      .updateTable('outbox_deliveries')
      .set({ claimed_until: isoIn(leaseMs), claimed_by: instance })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async function release(id: string) {
    await db.updateTable('outbox_deliveries').set({ claimed_until: null, claimed_by: null }).where('id', '=', id).where('claimed_by', '=', instance).execute();
  }

  async function attempt(id: string): Promise<void> {
    const row = await db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('outbox_notices as n', 'n.id', 'd.notice_id')
      .select(['d.id', 'd.sink', 'd.target_id', 'd.attempts', 'n.id as notice_id', 'n.type', 'n.occurred_at', 'n.team', 'n.payload_json'])
      .where('d.id', '=', id)
      .where('d.claimed_by', '=', instance)
      .executeTakeFirst();
    if (!row) return;
    const notice: OutboxNotice = { id: row.notice_id, type: row.type, occurredAt: row.occurred_at, team: row.team, payload: JSON.parse(row.payload_json) };
    const sink = outbox.sink(row.sink);
    const number = row.attempts + 1;
    const at = nowIso();
    const started = performance.now();
    const controller = new AbortController();
    const onShutdown = () => controller.abort(new Error('the server is stopping'));
    shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    const limit = setTimeout(() => controller.abort(new Error(`no answer within ${settings.timeoutMs} ms`)), settings.timeoutMs);
    let result: AttemptResult;
    try {
      if (!sink) result = { ok: false, statusCode: null, error: `this instance cannot deliver to "${row.sink}"` };
      else if (shutdown.signal.aborted) result = { ok: false, statusCode: null, error: 'the server is stopping' };
      else result = await sink.deliver({ deliveryId: row.id, targetId: row.target_id, attempt: number, notice, signal: controller.signal });
    } catch (error) {
      const reason = controller.signal.aborted ? controller.signal.reason : error;
      result = { ok: false, statusCode: null, error: messageOf(reason) };
    } finally {
      clearTimeout(limit);
      shutdown.signal.removeEventListener('abort', onShutdown);
    }
    // Cut short by the shutdown: not the receiver's fault, so not an attempt; the next start sends it.
    if (!result.ok && shutdown.signal.aborted) return release(id);
    await record(row.id, number, at, Math.round(performance.now() - started), result);
  }

  async function record(id: string, number: number, at: string, durationMs: number, result: AttemptResult) {
    const giveUp = !result.ok && (result.permanent === true || number >= settings.maxAttempts);
    const retryIn = result.ok || giveUp ? null : retryDelay(number, settings);
    const error = result.ok ? null : result.error.slice(0, 2000);
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('outbox_deliveries')
        .set({
          status: result.ok ? 'delivered' : giveUp ? 'failed' : 'pending',
          attempts: number,
          next_attempt_at: retryIn === null ? null : isoIn(retryIn),
          claimed_until: null,
          claimed_by: null,
          last_status_code: result.statusCode,
          last_error: error,
          delivered_at: result.ok ? nowIso() : null,
        })
        .where('id', '=', id)
        .where('claimed_by', '=', instance)
        .executeTakeFirst();
      // The lease ran out and another instance took the row over (or its target was removed): its record wins.
      if (Number(updated.numUpdatedRows) !== 1) return;
      await trx.insertInto('outbox_attempts').values({ id: newId(), delivery_id: id, attempt: number, at, duration_ms: durationMs, ok: result.ok ? 1 : 0, status_code: result.statusCode, error }).execute();
    });
    if (giveUp) log.error({ delivery: id, attempts: number, error }, 'outbox: delivery failed for good');
    else if (!result.ok) log.warn({ delivery: id, attempt: number, error, retryInMs: retryIn }, 'outbox: delivery attempt failed; will retry');
    if (retryIn !== null) scheduleIn(retryIn);
  }

  /** Claims and sends everything due until nothing is due or in flight, or the time is up. */
  async function flush(ms: number) {
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    const drained = (async () => {
      while (!stopped) {
        wake();
        await ticking?.catch(() => {});
        if (inFlight.size === 0) return;
        await Promise.allSettled(inFlight.values());
      }
    })();
    await Promise.race([drained, timeUp]);
    clearTimeout(timer);
  }

  return {
    /** Starts polling; the first look happens at once, so a restart resumes undelivered notices. */
    start() {
      if (!stopped || shutdown.signal.aborted) return;
      stopped = false;
      unsubscribe.push(outbox.onEnqueued(wake));
      if (deps.bus) unsubscribe.push(deps.bus.subscribe((e) => e.topic === OUTBOX_TOPIC && wake()));
      wake();
    },

    /** Stops polling, aborts requests in flight (releasing their claims) and waits for them; no timer is left.
     *  With `flushMs` (a graceful shutdown) it first sends what is due and lets requests in flight finish,
     *  for at most that long; what is left then stays in the outbox for the next start. */
    async stop(options: { flushMs?: number } = {}) {
      if (stopped) return;
      if (options.flushMs) await flush(options.flushMs);
      stopped = true;
      unsubscribe.splice(0).forEach((u) => u());
      clearTimeout(timer);
      timer = undefined;
      shutdown.abort();
      await ticking?.catch(() => {});
      await Promise.allSettled(inFlight.values());
      clearTimeout(timer);
    },

    /** Looks for due deliveries now (tests, or after an operator fixed a receiver). */
    wake,
  };
}
export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
