import { DayOneError, DayOneUnavailableError } from './dayone-error';
import { describeNetworkError, normalizeBaseUrl, toError, type FetchLike, type TransportOptions } from './http-transport';

/** One server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field; `message` when the server sent none. */
  event: string;
  /** The `data:` lines, joined with newlines. */
  data: string;
  /** The last `id:` the server sent, on this event or an earlier one ('' when none). */
  id: string;
}

/**
 * An incremental `text/event-stream` parser following the HTML standard's rules: lines end in CRLF,
 * LF or CR (even split across chunks), `:` starts a comment, one space after the colon is dropped,
 * `data:` lines accumulate, a blank line dispatches, and an event without data is dropped.
 */
export class EventStreamParser {
  /** The latest `retry:` hint in milliseconds, if the server sent one. */
  retry: number | undefined;
  /** The latest `id:`, sent back as Last-Event-ID on reconnect. */
  lastEventId = '';
  private partial = '';
  private skipLineFeed = false;
  private eventType = '';
  private data: string[] = [];

  /** Feeds decoded text and returns the events it completed. */
  feed(text: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    if (text === '') return events;
    let start = 0;
    if (this.skipLineFeed && text.charCodeAt(0) === 10) start = 1; // the LF of a CRLF split across chunks
    this.skipLineFeed = false;
    for (let i = start; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char !== 10 && char !== 13) continue;
      const line = this.partial + text.slice(start, i);
      this.partial = '';
      if (char === 13) {
        if (i + 1 === text.length) this.skipLineFeed = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.partial += text.slice(start);
    return events;
  }

  /** Forgets a half-received event (the connection ended); keeps `retry` and `lastEventId`. */
  reset(): void {
    this.partial = '';
    this.skipLineFeed = false;
    this.eventType = '';
    this.data = [];
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventType = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const { eventType, data } = this;
    this.eventType = '';
    this.data = [];
    if (data.length === 0) return undefined;
    return { event: eventType || 'message', data: data.join('\n'), id: this.lastEventId };
  }
}

export interface EventStreamOptions {
  signal?: AbortSignal;
  /**
   * Reconnect when the connection drops, after the server's `retry:` hint (3 s without one), sending
   * Last-Event-ID (default true). Only the first connection's failure is thrown; later ones are retried
   * while the server is unreachable or answers 5xx, and thrown when it refuses (4xx).
   */
  reconnect?: boolean;
  /**
   * Counts a connection that has sent nothing (not even a heartbeat) for this long as dropped
   * (default 45 000 ms; Day One sends a heartbeat every 15 s). 0 turns the check off.
   */
  idleTimeoutMs?: number;
  /** Told each time the connection dropped or a reconnect failed, before waiting `delayMs`. */
  onReconnect?: (info: ReconnectInfo) => void;
}

export interface ReconnectInfo {
  /** 1 for the first attempt after a drop, counting up while attempts fail. */
  attempt: number;
  delayMs: number;
  /** Why: the connection ended (undefined when the server closed it cleanly) or the reconnect failed. */
  error?: unknown;
}

const DEFAULT_RETRY_MS = 3000;
const DEFAULT_IDLE_TIMEOUT_MS = 45_000;

/** Opens event streams under a Day One base URL, with its token, mapping failures like `request`. */
export function createEventStreams(options: TransportOptions) {
  const baseUrl = normalizeBaseUrl(options.url);
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));

  const urlOf = (path: string) => `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;

  async function open(path: string, lastEventId: string, signal: AbortSignal): Promise<Response> {
    const requestUrl = urlOf(path);
    const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (lastEventId) headers['last-event-id'] = lastEventId;
    let response: Response;
    try {
      response = await doFetch(requestUrl, { method: 'GET', headers, signal });
    } catch (cause) {
      if (signal.aborted) throw cause;
      throw new DayOneUnavailableError(requestUrl, describeNetworkError(cause), { cause });
    }
    if (!response.ok) {
      let text = '';
      try {
        text = await response.text();
      } catch (cause) {
        if (signal.aborted) throw cause;
      }
      throw toError(response, text, response.headers.get('content-type') ?? '', requestUrl);
    }
    if (!/^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '') || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new DayOneError({
        status: response.status,
        code: 'INVALID_RESPONSE',
        detail: 'the server did not answer with an event stream (text/event-stream)',
        requestUrl,
      });
    }
    return response;
  }

  /**
   * The events of `path` as an async iterator. Stop by breaking out of the loop or aborting `signal`
   * (the iterator then rejects with the signal's reason, like fetch).
   */
  async function* stream(path: string, streamOptions: EventStreamOptions = {}): AsyncGenerator<ServerSentEvent, void, undefined> {
    const { signal, reconnect = true, idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS, onReconnect } = streamOptions;
    const parser = new EventStreamParser();
    let connectedOnce = false;
    let attempt = 0;

    const pause = async (error: unknown) => {
      attempt++;
      const delayMs = parser.retry ?? DEFAULT_RETRY_MS;
      onReconnect?.({ attempt, delayMs, ...(error !== undefined && { error }) });
      await sleep(delayMs, signal);
    };

    for (;;) {
      signal?.throwIfAborted();
      const connection = new AbortController();
      const stop = () => connection.abort(signal?.reason);
      signal?.addEventListener('abort', stop, { once: true });
      let idle: NodeJS.Timeout | undefined;
      let silent: DayOneUnavailableError | undefined;
      const armIdle = () => {
        if (idleTimeoutMs <= 0) return;
        clearTimeout(idle);
        idle = setTimeout(() => {
          silent = new DayOneUnavailableError(urlOf(path), `the event stream sent nothing for ${idleTimeoutMs} ms`);
          connection.abort(silent);
        }, idleTimeoutMs);
      };
      let dropped: unknown;
      try {
        let response: Response;
        try {
          armIdle();
          response = await open(path, parser.lastEventId, connection.signal);
        } catch (error) {
          signal?.throwIfAborted();
          const cause = silent ?? error;
          if (!connectedOnce || !reconnect || !retryable(cause)) throw cause;
          clearTimeout(idle);
          await pause(cause);
          continue;
        }
        connectedOnce = true;
        attempt = 0;
        parser.reset();
        const decoder = new TextDecoder();
        const reader = response.body!.getReader();
        // Not every body stops when its request is aborted (a fetch replaced in tests, proxies): cancel it too.
        const cancel = () => void reader.cancel().catch(() => undefined);
        connection.signal.addEventListener('abort', cancel, { once: true });
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            armIdle();
            for (const event of parser.feed(decoder.decode(value, { stream: true }))) yield event;
          }
        } catch (error) {
          signal?.throwIfAborted();
          dropped = silent ?? new DayOneUnavailableError(urlOf(path), `the event stream broke: ${describeNetworkError(error)}`, { cause: error });
        } finally {
          connection.signal.removeEventListener('abort', cancel);
          reader.releaseLock();
        }
        signal?.throwIfAborted(); // a cancelled body ends like a finished one
        dropped ??= silent;
      } finally {
        clearTimeout(idle);
        signal?.removeEventListener('abort', stop);
        connection.abort(); // closes the socket when the caller stops early, too
      }
      if (!reconnect) {
        if (dropped !== undefined) throw dropped;
        return;
      }
      await pause(dropped);
    }
  }

  return { stream };
}

/** Worth another try: the server could not answer, or failed (5xx); not when it refused (4xx). */
function retryable(error: unknown): boolean {
  if (error instanceof DayOneUnavailableError) return true;
  return error instanceof DayOneError && error.status >= 500;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
