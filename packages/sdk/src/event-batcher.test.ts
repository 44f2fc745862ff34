import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from './create-client';
import { createEventBatcher, EventBatchError, type BatchRetryInfo } from './event-batcher';
import type { ExperimentEvent } from './experiments-types';
import { fakeFetch, json, problem, type RecordedRequest } from './fake-fetch';

afterEach(() => {
  vi.useRealTimers();
});

const exposure = (id: string, user = `user-of-${id}`) => ({ type: 'exposure' as const, id, experiment: 'checkout-button', user });

/** Answers a batch as the server does: accepted, duplicate for ids seen before, or rejected with a reason. */
function answer(seen: Set<string>, rejected: Record<string, string> = {}) {
  return (call: RecordedRequest) => {
    const results = (call.body as ExperimentEvent[]).map((event, i) => {
      if (rejected[event.id]) return { line: i + 1, id: event.id, status: 'rejected', reason: rejected[event.id] };
      if (seen.has(event.id)) return { line: i + 1, id: event.id, status: 'duplicate' };
      seen.add(event.id);
      return { line: i + 1, id: event.id, status: 'accepted' };
    });
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return json(200, { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results });
  };
}

const refused = () => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), { code: 'ECONNREFUSED' }) });
const ids = (call: RecordedRequest) => (call.body as ExperimentEvent[]).map((event) => event.id);
const nextMacrotask = () => new Promise((resolve) => setImmediate(resolve));

describe('createEventBatcher', () => {
  it('sends a full batch at once and the rest on flush, in order, with the totals of every batch', async () => {
    const seen = new Set<string>(['e2']);
    const fetch = fakeFetch(answer(seen), answer(seen), answer(seen, { e7: 'metric: checkout-button has no metric "nope"' }));
    const batcher = createEventBatcher({ client: createClient({ url: 'http://h', fetch }), maxBatch: 3, flushMs: 0 });
    for (let i = 1; i <= 7; i++) batcher.add(exposure(`e${i}`));
    expect(batcher.pending).toBe(7);
    await nextMacrotask();
    expect(fetch.calls.map(ids)).toEqual([['e1', 'e2', 'e3'], ['e4', 'e5', 'e6']]);
    expect(fetch.calls.every((call) => call.url === 'http://h/api/v1/events' && call.method === 'POST')).toBe(true);

    const totals = await batcher.flush();
    expect(fetch.calls.map(ids)).toEqual([['e1', 'e2', 'e3'], ['e4', 'e5', 'e6'], ['e7']]);
    expect(totals).toEqual({
      accepted: 5,
      duplicate: 1,
      rejected: 1,
      failed: 0,
      batches: 3,
      rejections: [{ event: exposure('e7'), reason: 'metric: checkout-button has no metric "nope"' }],
    });
    expect(batcher.pending).toBe(0);
  });

  it('sends what is queued flushMs after the first event of a batch', async () => {
    vi.useFakeTimers();
    const seen = new Set<string>();
    const fetch = fakeFetch(answer(seen), answer(seen));
    const batcher = createEventBatcher({ client: createClient({ url: 'http://h', fetch }), flushMs: 1000 });
    batcher.add(exposure('a'));
    await vi.advanceTimersByTimeAsync(600);
    batcher.add(exposure('b'));
    await vi.advanceTimersByTimeAsync(399);
    expect(fetch.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.calls.map(ids)).toEqual([['a', 'b']]);

    batcher.add(exposure('c'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch.calls.map(ids)).toEqual([['a', 'b'], ['c']]);
    expect(await batcher.close()).toMatchObject({ accepted: 3, batches: 2 });
  });

  it('retries a failed batch with backoff, with the same ids, and holds later batches back until it is through', async () => {
    vi.useFakeTimers();
    const seen = new Set<string>();
    const fetch = fakeFetch(refused(), problem(503, 'UNAVAILABLE', 'The database is failing over.'), answer(seen), answer(seen));
    const retries: BatchRetryInfo[] = [];
    const batcher = createEventBatcher({
      client: createClient({ url: 'http://h', fetch }),
      maxBatch: 2,
      flushMs: 0,
      onRetry: (info) => retries.push(info),
    });
    const first = batcher.add({ type: 'exposure', experiment: 'checkout-button', user: 'u1' }); // no id: one is made up
    batcher.add({ type: 'metric', experiment: 'checkout-button', metric: 'revenue', user: 'u1', value: 30 });
    batcher.add(exposure('later'));
    const flushed = batcher.flush();
    await vi.runAllTimersAsync();
    const totals = await flushed;

    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    const batches = fetch.calls.map(ids);
    expect(batches).toHaveLength(4);
    expect(batches[0]).toEqual([first.id, expect.any(String)]);
    expect(batches[1]).toEqual(batches[0]);
    expect(batches[2]).toEqual(batches[0]);
    expect(batches[3]).toEqual(['later']);
    expect(retries.map(({ attempt, delayMs, events }) => ({ attempt, delayMs, events }))).toEqual([
      { attempt: 1, delayMs: 500, events: 2 },
      { attempt: 2, delayMs: 1000, events: 2 },
    ]);
    expect(retries[0].error).toMatchObject({ name: 'DayOneUnavailableError' });
    expect(totals).toMatchObject({ accepted: 3, failed: 0, batches: 2 });
  });

  it('doubles the wait up to maxRetryDelayMs', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch(refused(), refused(), refused(), refused(), answer(new Set()));
    const delays: number[] = [];
    const batcher = createEventBatcher({
      client: createClient({ url: 'http://h', fetch }),
      maxAttempts: 5,
      retryDelayMs: 1000,
      maxRetryDelayMs: 3000,
      onRetry: ({ delayMs }) => delays.push(delayMs),
    });
    batcher.add(exposure('a'));
    const flushed = batcher.flush();
    await vi.runAllTimersAsync();
    expect(await flushed).toMatchObject({ accepted: 1 });
    expect(delays).toEqual([1000, 2000, 3000, 3000]);
  });

  it('gives up after maxAttempts and throws the events from flush() once, when there is no onError', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch(refused(), refused(), answer(new Set()));
    const batcher = createEventBatcher({ client: createClient({ url: 'http://h', fetch }), maxAttempts: 2, retryDelayMs: 10 });
    batcher.add(exposure('a'));
    batcher.add(exposure('b'));
    const flushed = batcher.flush().catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = (await flushed) as EventBatchError;
    expect(error).toBeInstanceOf(EventBatchError);
    expect(error.events.map((event) => event.id)).toEqual(['a', 'b']);
    expect(error.message).toContain('2 events could not be sent: cannot reach Day One at http://h/api/v1/events');
    expect(error.totals).toMatchObject({ failed: 2, accepted: 0 });
    expect(fetch.calls).toHaveLength(2);

    // The caller may send them again: the server ignores ids it has already.
    error.events.forEach((event) => batcher.add(event));
    expect(await batcher.flush()).toMatchObject({ accepted: 2, failed: 2 });
  });

  it('does not retry a refusal (4xx); with onError the failure goes there and flush() resolves', async () => {
    const fetch = fakeFetch(problem(401, 'AUTH_REQUIRED', 'Sign in or send a valid API token.'));
    const errors: EventBatchError[] = [];
    const batcher = createEventBatcher({ client: createClient({ url: 'http://h', fetch }), onError: (error) => errors.push(error) });
    batcher.add(exposure('a'));
    expect(await batcher.flush()).toMatchObject({ failed: 1, batches: 0 });
    expect(fetch.calls).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0].events).toEqual([exposure('a')]);
    expect(errors[0].cause).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
  });

  it('close() sends what is queued and refuses events afterwards', async () => {
    const fetch = fakeFetch(answer(new Set()));
    const batcher = createEventBatcher({ client: createClient({ url: 'http://h', fetch }), flushMs: 60_000 });
    batcher.add(exposure('a'));
    expect(await batcher.close()).toMatchObject({ accepted: 1, batches: 1 });
    expect(() => batcher.add(exposure('b'))).toThrow('the event batcher is closed');
    expect(await batcher.close()).toMatchObject({ accepted: 1, batches: 1 });
  });

  it('checks its options', () => {
    const client = createClient({ url: 'http://h', fetch: fakeFetch() });
    expect(() => createEventBatcher({ client, maxBatch: 0 })).toThrow(RangeError);
    expect(() => createEventBatcher({ client, maxBatch: 50_001 })).toThrow('maxBatch must be a whole number from 1 to 50000');
    expect(() => createEventBatcher({ client, maxAttempts: 0 })).toThrow(RangeError);
    expect(() => createEventBatcher({ client, flushMs: -1 })).toThrow(RangeError);
  });
});
