/** Many server-sent-event subscribers in this process, each its own http.request on its own socket, for
 *  measuring how long a broadcast takes to reach all of them. The same code subscribes to Day One and to
 *  the bare broadcaster, so whatever this process costs (parsing, its one event loop) falls on both. */
import http from 'node:http';

export interface Subscribers {
  readonly count: number;
  /** Starts waiting for every subscriber to receive an event of `type` whose data satisfies `accept`; the
   *  promise resolves with each subscriber's arrival time (performance.now() when the chunk completing
   *  the event was read), in subscriber order, and rejects after `timeoutMs`. Call it before causing the
   *  event: anything read earlier does not count. */
  nextEvent(type: string, accept: (data: string) => boolean, timeoutMs: number): Promise<number[]>;
  close(): void;
}

interface Waiter {
  type: string;
  accept(data: string): boolean;
  arrivals: number[];
  missing: number;
  done(): void;
}

/** Opens `count` subscriptions to url (`batch` connecting at a time) and resolves once each one has had
 *  its first event (the state on connect). */
export async function subscribe(url: string, headers: Record<string, string>, count: number, batch = 100): Promise<Subscribers> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const requests: http.ClientRequest[] = [];
  let waiter: Waiter | undefined;

  const received = (index: number, event: string, data: string, at: number) => {
    const w = waiter;
    if (!w || event !== w.type || !Number.isNaN(w.arrivals[index]) || !w.accept(data)) return;
    w.arrivals[index] = at;
    if (--w.missing === 0) w.done();
  };

  const open = (index: number) =>
    new Promise<void>((resolve, reject) => {
      let first = true;
      const request = http.get(url, { agent, headers: { ...headers, accept: 'text/event-stream' } }, (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`subscriber ${index}: GET ${url} answered ${response.statusCode}`));
          response.resume();
          return;
        }
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (!data.length) continue;
            if (first) {
              first = false;
              resolve();
            }
            received(index, event, data.join('\n'), at);
          }
        });
        response.on('end', () => reject(new Error(`subscriber ${index}: the stream ended`)));
        // Destroying the request when done ends the response with an error: expected, not a failure.
        response.on('error', () => {});
      });
      request.on('error', reject);
      requests.push(request);
    });

  for (let start = 0; start < count; start += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, count - start) }, (_, k) => open(start + k)));
  }

  return {
    count,
    nextEvent(type, accept, timeoutMs) {
      return new Promise((resolve, reject) => {
        const arrivals = new Array<number>(count).fill(Number.NaN);
        const timer = setTimeout(() => {
          waiter = undefined;
          reject(new Error(`${arrivals.filter(Number.isNaN).length} of ${count} subscribers did not get the event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiter = {
          type,
          accept,
          arrivals,
          missing: count,
          done() {
            clearTimeout(timer);
            waiter = undefined;
            resolve(arrivals);
          },
        };
      });
    },
    close() {
      for (const request of requests) request.destroy();
      agent.destroy();
    },
  };
}
