import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database';
import { ADMIN_TOKEN, dialects, newTestStore } from './harness';
import { serveProcess } from './server-process';

const catalogYaml = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout }
spec: { type: service, lifecycle: production, owner: payments }
`;

/** A webhook receiver that holds every delivery until the test lets it answer. */
async function holdingReceiver() {
  const held: ServerResponse[] = [];
  let arrived: () => void = () => {};
  const firstArrival = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    held.push(res);
    arrived();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    firstArrival,
    count: () => held.length,
    release: () => held.forEach((res) => res.writeHead(200).end('ok')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Reads a response body as text as it arrives; `ended` resolves with all of it once the server ends it. */
async function readStream(url: string, token: string) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  let text = '';
  const watchers: (() => void)[] = [];
  const ended = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      watchers.splice(0).forEach((w) => w());
    }
    return text;
  })();
  return {
    ended,
    async waitFor(part: string) {
      while (!text.includes(part)) await new Promise<void>((resolve) => watchers.push(resolve));
    },
  };
}

/** A POST whose body is sent in two halves, so the request is in flight for as long as the test likes. */
function slowPost(url: string, body: string) {
  const target = new URL(url);
  const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent: false, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answer = new Promise<{ status: number; requestId: string; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, requestId: String(res.headers['x-request-id']), body: text }));
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { answer, finish: () => req.end(body.slice(half)) };
}

describe.each(dialects)('graceful shutdown on SIGTERM on %s', (dialect) => {
  const store = newTestStore(dialect);
  afterAll(() => store.drop());

  it('finishes the request in flight, sends streams a retry hint, flushes the outbox, closes the database and exits 0', async () => {
    const receiver = await holdingReceiver();
    // Generous server-side bounds, so only the shutdown itself decides when things end.
    const server = await serveProcess(store, { DAYONE_LOG_LEVEL: 'info', DAYONE_SHUTDOWN_GRACE_MS: '60000', DAYONE_WEBHOOK_TIMEOUT_MS: '60000' });
    const api = (method: string, path: string, body?: unknown, token = ADMIN_TOKEN) =>
      fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    try {
      expect((await api('POST', '/api/v1/teams', { name: 'payments' })).status).toBe(201);
      const imported = await fetch(`${server.url}/api/v1/catalog/import`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/yaml' }, body: catalogYaml });
      expect(imported.status).toBe(200);
      expect((await api('POST', '/api/v1/webhooks', { url: receiver.url, events: ['*'] })).status).toBe(201);
      const pipeline = await (await api('POST', '/api/v1/tokens', { name: 'pipeline', scopes: ['gates:read'] })).json();

      // A pipeline watching its gate, with a token that may only read gates.
      const stream = await readStream(`${server.url}/api/v1/gates/stream?service=checkout`, pipeline.token);
      await stream.waitFor('event: gate');
      // A notice on its way to a webhook receiver that has not answered yet.
      expect((await api('POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'shutdown test' })).status).toBe(201);
      await receiver.firstArrival;
      // A write whose body is half sent.
      const logged = server.stdout().length;
      const write = slowPost(`${server.url}/api/v1/teams`, JSON.stringify({ name: 'in-flight', mission: 'arrives while the server stops' }));
      await server.waitForOutput(/"method":"POST","url":"\/api\/v1\/teams".*"msg":"incoming request"/, logged);

      server.child.kill('SIGTERM');
      await server.waitForOutput(/SIGTERM received/);

      // The stream is told to come back (to another instance) and is ended.
      const streamed = await stream.ended;
      expect(streamed).toContain('event: shutdown');
      expect(streamed).toMatch(/\nretry: \d+\n/);
      // New connections are no longer accepted.
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

      write.finish();
      const answer = await write.answer;
      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.body).name).toBe('in-flight');

      receiver.release();
      expect(await server.exited).toBe(0);

      // Every log line of the write carries its request id, the one its answer showed.
      const lines = server.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { requestId?: string; msg: string; req?: unknown; res?: unknown });
      const ofWrite = lines.filter((l) => l.requestId === answer.requestId).map((l) => l.msg);
      expect(ofWrite).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
      expect(lines.filter((l) => (l.req || l.res) && !l.requestId)).toEqual([]);
      expect(lines.map((l) => l.msg)).toContain('shut down');
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await receiver.close();
    }

    // What the process left behind: the write committed, the delivery recorded as sent once.
    const database = openDatabase(store);
    try {
      const team = await database.db.selectFrom('teams').select('name').where('name', '=', 'in-flight').executeTakeFirst();
      expect(team).toEqual({ name: 'in-flight' });
      const deliveries = await database.db.selectFrom('outbox_deliveries').select(['status', 'attempts', 'claimed_by']).execute();
      expect(deliveries).toEqual([{ status: 'delivered', attempts: 1, claimed_by: null }]);
      expect(receiver.count()).toBe(1);
    } finally {
      await database.close();
    }
  });
});
