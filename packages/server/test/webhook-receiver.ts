import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Loopback webhook receivers for tests, and the signature check a receiver makes. */

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
export type Answer = number | 'hang';

export function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A port nobody listens on (for now). */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((r) => server.close(r));
  return port;
}

/** A webhook receiver on loopback that records each request and answers as told (by request number). */
export async function startReceiver(answer: (n: number) => Answer = () => 200, port = 0) {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = answer(received.length);
      if (status === 'hang') hanging.push(res);
      else res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver is unwell');
      waiters.splice(0).forEach((w) => w());
    });
  });
  const actual = await listen(server, port);
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/hook`,
    received,
    /** Resolves once `count` requests have arrived (the suite's test timeout bounds the wait). */
    async waitFor(count: number): Promise<Received[]> {
      while (received.length < count) await new Promise<void>((r) => waiters.push(r));
      return received;
    },
    release(status = 200) {
      hanging.splice(0).forEach((res) => res.writeHead(status).end('ok'));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Re-reads until the condition holds; the suite's test timeout bounds the wait. */
export async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    await sleep(20);
  }
}

export const verify = (secret: string, body: string, header: string | string[] | undefined) => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(String(header));
  return given.length === expected.length && timingSafeEqual(given, expected);
};
