import { describe, expect, it } from 'vitest';
import { createClient } from './create-client';
import { DayOneError, DayOneUnavailableError } from './dayone-error';
import { EventStreamParser, type ReconnectInfo, type ServerSentEvent } from './event-stream';
import { fakeFetch, problem } from './fake-fetch';

describe('EventStreamParser', () => {
  const parse = (...chunks: string[]) => {
    const parser = new EventStreamParser();
    const events = chunks.flatMap((chunk) => parser.feed(chunk));
    return { events, parser };
  };

  it('dispatches on a blank line, joining data lines and defaulting the type to message', () => {
    const { events } = parse('data: one\ndata:two\n\nevent: gate\ndata: {"open":true}\n\n');
    expect(events).toEqual([
      { event: 'message', data: 'one\ntwo', id: '' },
      { event: 'gate', data: '{"open":true}', id: '' },
    ]);
  });

  it('accepts CRLF, LF and CR line ends, even split across chunks', () => {
    const { events } = parse('event: a\r', '\ndata: 1\r', '\n\r', '\nevent: b\rdata: 2\r\r', 'data: 3\n', '\n');
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['message', '3'],
    ]);
  });

  it('keeps a line split in the middle of a field', () => {
    const { events } = parse('ev', 'ent: ga', 'te\nda', 'ta: x', '\n', '\n');
    expect(events).toEqual([{ event: 'gate', data: 'x', id: '' }]);
  });

  it('ignores comments and unknown fields, drops events without data, and keeps only one leading space', () => {
    const { events } = parse(': hello\nfoo: bar\nevent: lonely\n\ndata:  two spaces\n\n');
    expect(events).toEqual([{ event: 'message', data: ' two spaces', id: '' }]);
  });

  it('remembers retry (digits only) and the last id', () => {
    const { events, parser } = parse('retry: 3000\n\n', 'id: e1\ndata: a\n\n', 'retry: soon\ndata: b\n\n', 'id\ndata: c\n\n');
    expect(parser.retry).toBe(3000);
    expect(events.map((e) => e.id)).toEqual(['e1', 'e1', '']);
    expect(parser.lastEventId).toBe('');
  });

  it('discards a half-received event on reset', () => {
    const parser = new EventStreamParser();
    expect(parser.feed('id: 7\nevent: gate\ndata: half')).toEqual([]);
    parser.reset();
    expect(parser.feed('\n\ndata: next\n\n')).toEqual([{ event: 'message', data: 'next', id: '7' }]);
  });
});

/** A text/event-stream reply sending `chunks`, then ending (or staying open when `open`). */
function sse(chunks: string[], open = false): () => Response {
  return () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        if (!open) controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
  };
}

async function take(iterator: AsyncIterable<ServerSentEvent>, count: number): Promise<ServerSentEvent[]> {
  const taken: ServerSentEvent[] = [];
  for await (const event of iterator) {
    taken.push(event);
    if (taken.length === count) break;
  }
  return taken;
}

describe('gates.stream', () => {
  it('asks for an event stream of the services with the token, and yields the events', async () => {
    const fetch = fakeFetch(sse(['retry: 3000\n\n', 'event: gate\nid: e1\ndata: {"open":false}\n\n', 'event: heartbeat\ndata: {}\n\n']));
    const client = createClient({ url: 'http://h', token: 't', fetch });
    const events = await take(client.gates.stream(['checkout', 'cart'], { environment: 'production' }), 2);
    expect(events).toEqual([
      { event: 'gate', data: '{"open":false}', id: 'e1' },
      { event: 'heartbeat', data: '{}', id: 'e1' },
    ]);
    expect(fetch.calls[0]).toMatchObject({
      url: 'http://h/api/v1/gates/stream?service=checkout%2Ccart&environment=production',
      method: 'GET',
      headers: { accept: 'text/event-stream', authorization: 'Bearer t' },
    });
  });

  it('reconnects after the server closes the stream, waiting the retry hint and sending Last-Event-ID', async () => {
    const fetch = fakeFetch(
      sse(['retry: 5\n\nevent: gate\nid: e1\ndata: 1\n\n']),
      sse(['event: gate\nid: e2\ndata: 2\n\n']),
    );
    const reconnects: ReconnectInfo[] = [];
    const stream = createClient({ url: 'http://h', fetch }).gates.stream('checkout', { onReconnect: (info) => reconnects.push(info) });
    expect((await take(stream, 2)).map((e) => e.data)).toEqual(['1', '2']);
    expect(reconnects).toEqual([{ attempt: 1, delayMs: 5 }]);
    expect(fetch.calls[0].headers).not.toHaveProperty('last-event-id');
    expect(fetch.calls[1].headers).toMatchObject({ 'last-event-id': 'e1' });
  });

  it('keeps trying while the server is unreachable or failing, then carries on', async () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const fetch = fakeFetch(
      sse(['retry: 1\n\nevent: gate\ndata: 1\n\n']),
      refused,
      problem(503, 'DATABASE_UNAVAILABLE', 'The database is not answering.'),
      sse(['event: gate\ndata: 2\n\n']),
    );
    const reconnects: ReconnectInfo[] = [];
    const stream = createClient({ url: 'http://h', fetch }).gates.stream('checkout', { onReconnect: (info) => reconnects.push(info) });
    expect((await take(stream, 2)).map((e) => e.data)).toEqual(['1', '2']);
    expect(reconnects.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(reconnects[1].error).toBeInstanceOf(DayOneUnavailableError);
    expect(reconnects[2].error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  });

  it('throws when the first connection fails, and when a reconnect is refused', async () => {
    const unknown = createClient({ url: 'http://h', fetch: fakeFetch(problem(404, 'GATE_SERVICE_NOT_FOUND', 'No service "nope".')) });
    await expect(take(unknown.gates.stream('nope'), 1)).rejects.toMatchObject({ status: 404, code: 'GATE_SERVICE_NOT_FOUND' });

    const fetch = fakeFetch(sse(['retry: 1\n\nevent: gate\ndata: 1\n\n']), problem(401, 'AUTH_REQUIRED', 'Sign in.'));
    const seen: string[] = [];
    const refused = await (async () => {
      for await (const event of createClient({ url: 'http://h', fetch }).gates.stream('checkout')) seen.push(event.data);
    })().catch((error: unknown) => error);
    expect(seen).toEqual(['1']);
    expect(refused).toBeInstanceOf(DayOneError);
    expect(refused).toMatchObject({ status: 401 });
  });

  it('refuses a reply that is not an event stream', async () => {
    const fetch = fakeFetch(new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    await expect(take(createClient({ url: 'http://h', fetch }).gates.stream('a'), 1)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('ends after one connection with reconnect: false', async () => {
    const fetch = fakeFetch(sse(['event: gate\ndata: 1\n\n']));
    const events = await take(createClient({ url: 'http://h', fetch }).gates.stream('a', { reconnect: false }), 5);
    expect(events.map((e) => e.data)).toEqual(['1']);
  });

  it('counts a silent connection as dropped and reconnects', async () => {
    const fetch = fakeFetch(sse(['retry: 1\n\nevent: gate\ndata: 1\n\n'], true), sse(['event: gate\ndata: 2\n\n'], true));
    const reconnects: ReconnectInfo[] = [];
    const stream = createClient({ url: 'http://h', fetch }).gates.stream('a', { idleTimeoutMs: 20, onReconnect: (info) => reconnects.push(info) });
    expect((await take(stream, 2)).map((e) => e.data)).toEqual(['1', '2']);
    expect(reconnects[0].error).toBeInstanceOf(DayOneUnavailableError);
    expect(String(reconnects[0].error)).toContain('sent nothing for 20 ms');
  });

  it('rejects with the abort reason and closes the connection when the signal aborts', async () => {
    const fetch = fakeFetch(sse(['event: gate\ndata: 1\n\n'], true));
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of createClient({ url: 'http://h', fetch }).gates.stream('a', { signal: controller.signal })) {
        seen.push(event.data);
        controller.abort(new Error('enough'));
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['1']);
    expect(error).toMatchObject({ message: 'enough' });
  });

  it('aborts the request when the caller stops iterating', async () => {
    let signal: AbortSignal | undefined;
    const fetch = fakeFetch(sse(['event: gate\ndata: 1\n\n'], true));
    const spy = async (url: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return fetch(url, init);
    };
    await take(createClient({ url: 'http://h', fetch: spy }).gates.stream('a'), 1);
    expect(signal?.aborted).toBe(true);
  });
});
