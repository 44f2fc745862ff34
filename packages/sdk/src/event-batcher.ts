import { DayOneError, DayOneUnavailableError } from './dayone-error';
import { MAX_EVENTS_PER_REQUEST } from './experiments-client';
import type { EventBatchResult, ExperimentEvent } from './experiments-types';

/** An event to queue; without an `id`, a random one is given (kept across retries, so they dedupe). */
export type EventInput = ExperimentEvent extends infer E ? (E extends ExperimentEvent ? Omit<E, 'id'> & { id?: string } : never) : never;

export interface EventBatcherOptions {
  /** A client from createClient (only `events.send` is used). */
  client: { events: { send(batch: ExperimentEvent[]): Promise<EventBatchResult> } };
  /** Events per request; a full batch is sent at once (default 1000, at most 50,000). */
  maxBatch?: number;
  /** Sends what is queued this long after the first event of a batch was added (default 1000 ms; 0: only when full or on flush()). */
  flushMs?: number;
  /** Tries per batch while the server cannot be reached or fails (5xx, 429), before giving up (default 5). */
  maxAttempts?: number;
  /** Wait before the second try; doubled for each further try (default 500 ms). */
  retryDelayMs?: number;
  /** The longest wait between tries (default 30 000 ms). */
  maxRetryDelayMs?: number;
  /** Told before each wait for another try. */
  onRetry?: (info: BatchRetryInfo) => void;
  /**
   * Told when a batch is given up on. Without it, the failure is thrown by the next flush() or close()
   * instead, so that it cannot go unnoticed.
   */
  onError?: (error: EventBatchError) => void;
}

export interface BatchRetryInfo {
  /** The try that failed, from 1. */
  attempt: number;
  delayMs: number;
  error: unknown;
  /** Events in the batch. */
  events: number;
}

/** Everything the batcher has sent since it was created. */
export interface EventBatchTotals {
  accepted: number;
  duplicate: number;
  rejected: number;
  /** Events of batches given up on: the server may or may not have recorded them. */
  failed: number;
  /** Requests the server answered. */
  batches: number;
  /** Rejected events with the server's reason (the first 1000). */
  rejections: { event: ExperimentEvent; reason: string }[];
}

export interface EventBatcher {
  /** Queues an event and returns it with its id. Throws once the batcher is closed. */
  add(event: EventInput): ExperimentEvent;
  /** Sends everything queued, waits for every request in flight, and returns the totals so far. */
  flush(): Promise<EventBatchTotals>;
  /** Stops taking events, then flushes. */
  close(): Promise<EventBatchTotals>;
  /** Events queued or in flight. */
  readonly pending: number;
}

/** Batches given up on; `events` are theirs, so they can be kept and sent again later (ids dedupe). */
export class EventBatchError extends Error {
  override readonly name = 'EventBatchError';
  constructor(
    readonly events: ExperimentEvent[],
    readonly totals: EventBatchTotals,
    options: { cause: unknown },
  ) {
    super(`${events.length} event${events.length === 1 ? '' : 's'} could not be sent: ${(options.cause as Error)?.message ?? String(options.cause)}`, options);
  }
}

const MAX_KEPT_REJECTIONS = 1000;

/**
 * Queues exposure and metric events and sends them in batches: when `maxBatch` are queued, when
 * `flushMs` has passed, and on flush() / close(). One request is in flight at a time, in the order
 * events were added, so an exposure is recorded before the metric events that follow it. A batch
 * that fails because the server cannot be reached (or answers 5xx / 429) is sent again with
 * exponential backoff; that is safe because the server ignores event ids it has recorded already.
 * While a batch is retried, new events wait in memory.
 */
export function createEventBatcher(options: EventBatcherOptions): EventBatcher {
  const maxBatch = options.maxBatch ?? 1000;
  const flushMs = options.flushMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  if (!Number.isInteger(maxBatch) || maxBatch < 1 || maxBatch > MAX_EVENTS_PER_REQUEST) {
    throw new RangeError(`maxBatch must be a whole number from 1 to ${MAX_EVENTS_PER_REQUEST}`);
  }
  if (!(flushMs >= 0)) throw new RangeError('flushMs must be 0 or more');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be a whole number, 1 or more');

  const totals: EventBatchTotals = { accepted: 0, duplicate: 0, rejected: 0, failed: 0, batches: 0, rejections: [] };
  const queue: ExperimentEvent[] = [];
  /** Failed events not yet handed to anyone (no onError): thrown by the next flush(). */
  let unreported: { events: ExperimentEvent[]; cause: unknown } | undefined;
  let chain: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const snapshot = (): EventBatchTotals => ({ ...totals, rejections: [...totals.rejections] });

  function tally(events: ExperimentEvent[], answer: EventBatchResult): void {
    totals.batches += 1;
    totals.accepted += answer.accepted;
    totals.duplicate += answer.duplicate;
    totals.rejected += answer.rejected;
    for (const result of answer.results) {
      const event = events[result.line - 1];
      if (result.status === 'rejected' && event && totals.rejections.length < MAX_KEPT_REJECTIONS) {
        totals.rejections.push({ event, reason: result.reason ?? 'rejected' });
      }
    }
  }

  function giveUp(events: ExperimentEvent[], cause: unknown): void {
    totals.failed += events.length;
    const { onError } = options;
    if (onError) return quietly(() => onError(new EventBatchError(events, snapshot(), { cause })));
    unreported = { events: [...(unreported?.events ?? []), ...events], cause };
  }

  /** Sends one batch, retrying what is worth retrying; never rejects. */
  async function deliver(events: ExperimentEvent[]): Promise<void> {
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          tally(events, await options.client.events.send(events));
          return;
        } catch (error) {
          if (!retryable(error) || attempt >= maxAttempts) return giveUp(events, error);
          const delayMs = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (attempt - 1));
          quietly(() => options.onRetry?.({ attempt, delayMs, error, events: events.length }));
          await sleep(delayMs);
        }
      }
    } finally {
      inFlight -= events.length;
    }
  }

  function dispatch(events: ExperimentEvent[]): void {
    inFlight += events.length;
    chain = chain.then(() => deliver(events));
  }

  function stopTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function sendQueued(all: boolean): void {
    while (queue.length >= maxBatch || (all && queue.length > 0)) dispatch(queue.splice(0, maxBatch));
  }

  async function flush(): Promise<EventBatchTotals> {
    stopTimer();
    sendQueued(true);
    await chain;
    if (unreported) {
      const { events, cause } = unreported;
      unreported = undefined;
      throw new EventBatchError(events, snapshot(), { cause });
    }
    return snapshot();
  }

  return {
    add(input: EventInput): ExperimentEvent {
      if (closed) throw new Error('the event batcher is closed');
      const event = (input.id ? input : { ...input, id: globalThis.crypto.randomUUID() }) as ExperimentEvent;
      queue.push(event);
      if (queue.length >= maxBatch) {
        stopTimer();
        sendQueued(false);
      }
      if (queue.length > 0 && timer === undefined && flushMs > 0) {
        timer = setTimeout(() => {
          timer = undefined;
          sendQueued(true);
        }, flushMs);
      }
      return event;
    },
    flush,
    async close() {
      closed = true;
      return flush();
    },
    get pending() {
      return queue.length + inFlight;
    },
  };
}

/** Worth another try: the server could not answer, failed (5xx), or asked to slow down (429, 408). */
function retryable(error: unknown): boolean {
  if (error instanceof DayOneUnavailableError) return true;
  return error instanceof DayOneError && (error.status >= 500 || error.status === 429 || error.status === 408);
}

/** Runs a caller's callback; what it throws must not stop the batcher. */
function quietly(callback: () => void): void {
  try {
    callback();
  } catch {
    // ignored
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
