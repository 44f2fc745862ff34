/** 10,000 idle gate-stream connections on one instance: the server's resident memory. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './lib/types';
import { call } from './lib/dayone';
import { formatFixed, formatInt } from './lib/stats';

const TOKEN = 'bench-idle-streams-admin-token';
const CONNECTIONS = Number(process.env.BENCH_IDLE_STREAMS ?? 10_000);
const bin = fileURLToPath(new URL('../packages/cli/bin/dayone.js', import.meta.url));

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

export const run: Benchmark = async ({ log }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dayone-bench-idle-'));
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    env: { ...process.env, DAYONE_ADMIN_TOKEN: TOKEN, DAYONE_LOG_LEVEL: 'warn', DAYONE_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const requests: http.ClientRequest[] = [];
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c) => {
        out += c;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    await call(url, 'POST', '/api/v1/teams', { name: 'payments' }, TOKEN);
    await call(url, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' }, TOKEN);
    global.gc?.();
    await new Promise((r) => setTimeout(r, 1000));
    const before = rssMiB(child.pid!);
    log(`server rss ${formatFixed(before)} MiB; opening ${formatInt(CONNECTIONS)} streams`);
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    const { hostname, port } = new URL(url);
    for (let opened = 0; opened < CONNECTIONS; opened += 250) {
      await Promise.all(
        Array.from({ length: Math.min(250, CONNECTIONS - opened) }, () =>
          new Promise<void>((resolve, reject) => {
            const req = http.get({ hostname, port, agent, path: '/api/v1/gates/stream?service=checkout', headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
              res.once('data', () => resolve());
              res.on('error', () => {});
            });
            req.on('error', reject);
            requests.push(req);
          }),
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 3000));
    const after = rssMiB(child.pid!);
    const met = after < 500;
    return {
      title: 'Idle gate streams: memory of one instance',
      method: [`One Day One server (its own process, SQLite). ${formatInt(CONNECTIONS)} clients each open \`GET /api/v1/gates/stream?service=checkout\`, read the first event and then stay idle; the server's resident memory (VmRSS) is read before and 3 s after.`],
      table: {
        headers: ['streams', 'RSS before (MiB)', 'RSS with streams (MiB)', 'per stream (KiB)', 'target', 'met'],
        rows: [[formatInt(CONNECTIONS), formatFixed(before), formatFixed(after), formatFixed(((after - before) * 1024) / CONNECTIONS), '< 500 MB', met ? 'yes' : 'no']],
      },
      notes: [],
      targetsMet: met,
      data: { connections: CONNECTIONS, rssBeforeMiB: before, rssAfterMiB: after },
    };
  } finally {
    for (const r of requests) r.destroy();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
};
