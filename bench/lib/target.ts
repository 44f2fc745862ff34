/** The process under load. bench/lib/target-process.ts forks it and asks, over IPC, for the servers to
 *  start: Day One itself and bare node:http baselines (a fixed answer; a server-sent-events broadcaster).
 *  Keeping them out of the benchmark's process means the load generator (autocannon) never shares an event
 *  loop with the server it measures. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer } from '@dayone/server';
import type { TargetReply, TargetRequest } from './target-process';

const closers: (() => Promise<void>)[] = [];

/** A fixed answer on GET `path`: the body with its content-type, plus `extra` headers when given (to send
 *  the same headers as the answer it copies). */
async function startBare(path: string, body: string, contentType: string, extra: [string, string][]): Promise<string> {
  const payload = Buffer.from(body);
  const headers: Record<string, string> = { 'content-type': contentType, 'content-length': String(payload.length) };
  for (const [name, value] of extra) if (name !== 'content-type') headers[name] = value;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === path) {
      res.writeHead(200, headers);
      res.end(payload);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"status":404}');
    }
  });
  return listen(server);
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The least a server-sent-events broadcaster can do: keep the open responses in a set and write the same
 *  frame to each of them when told to. */
async function startBareSse(path: string, events: string[]): Promise<string> {
  const subscribers = new Set<http.ServerResponse>();
  let sent = 0;
  const frame = (n: number) => `event: gate\nid: ${n}\ndata: ${events[n % events.length]}\n\n`;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === path) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write('retry: 3000\n\n');
      res.write(frame(sent));
      subscribers.add(res);
      res.on('close', () => subscribers.delete(res));
    } else if (req.method === 'POST' && req.url === '/trigger') {
      req.resume();
      req.on('end', () => {
        const text = frame(++sent);
        for (const subscriber of subscribers) subscriber.write(text);
        res.writeHead(204);
        res.end();
      });
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"status":404}');
    }
  });
  return listen(server);
}

async function handle(request: TargetRequest): Promise<unknown> {
  switch (request.op) {
    case 'dayone': {
      const running = await startServer({ ...request.config, port: 0, host: '127.0.0.1', logLevel: 'warn' });
      closers.push(() => running.close());
      return running.url;
    }
    case 'bare':
      return startBare(request.path, request.body, request.contentType, request.headers);
    case 'bare-sse':
      return startBareSse(request.path, request.events);
    case 'stop':
      await closeAll();
      return null;
  }
}

async function closeAll() {
  for (const close of closers.splice(0).reverse()) await close();
}

process.on('message', (message: TargetRequest) => {
  handle(message).then(
    (value) => reply({ id: message.id, ok: true, value }, message.op === 'stop'),
    (error: unknown) => reply({ id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }, false),
  );
});

function reply(answer: TargetReply, thenExit: boolean) {
  // Exiting normally (not by a signal) lets --cpu-prof write its profile.
  process.send!(answer, () => {
    if (thenExit) process.exit(0);
  });
}

// The benchmark went away without stopping us: do not linger.
process.on('disconnect', () => {
  closeAll().finally(() => process.exit(0));
});
