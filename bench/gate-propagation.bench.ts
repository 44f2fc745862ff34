/** A pull made on one Day One instance reaching the gate-stream subscribers of another instance that
 *  shares the same PostgreSQL database (through LISTEN/NOTIFY). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from '@dayone/server';
import type { Benchmark } from './lib/types';
import { call, dropSchema, postgresUnavailable } from './lib/dayone';
import { DEFAULT_DATABASE_URL } from './lib/env';
import { subscribe } from './lib/sse';
import { formatFixed, median } from './lib/stats';

const TOKEN = 'bench-propagation-admin-token';
const PULLS = Number(process.env.BENCH_PROPAGATION_PULLS ?? 30);
const SUBSCRIBERS = 100;

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))];

export const run: Benchmark = async ({ log }) => {
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const title = 'Gate propagation between two instances on PostgreSQL';
  const why = url === 'off' ? 'BENCH_DATABASE_URL=off' : await postgresUnavailable(url);
  if (why) return { title, method: [], table: { headers: ['skipped'], rows: [[why]] }, notes: [`Skipped: ${why}.`], data: { skipped: why } };

  const schema = `bench_prop_${randomBytes(4).toString('hex')}`;
  const dirs = [mkdtempSync(join(tmpdir(), 'dayone-bench-a-')), mkdtempSync(join(tmpdir(), 'dayone-bench-b-'))];
  const start = (dataDir: string) => startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: TOKEN, databaseUrl: url, databaseSchema: schema });
  const a = await start(dirs[0]);
  const b = await start(dirs[1]);
  try {
    await call(a.url, 'POST', '/api/v1/teams', { name: 'payments' }, TOKEN);
    await call(a.url, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' }, TOKEN);
    await new Promise((r) => setTimeout(r, 300)); // let instance B hear about the new service
    const subscribers = await subscribe(`${b.url}/api/v1/gates/stream?service=checkout`, { authorization: `Bearer ${TOKEN}` }, SUBSCRIBERS);
    log(`${SUBSCRIBERS} subscribers on instance B; ${PULLS} pulls and resolutions on instance A`);
    const delays: number[] = [];
    for (let i = 0; i < PULLS; i++) {
      for (const [open, act] of [
        [false, async () => call<{ id: string }>(a.url, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: `bench ${i}`, severity: 3 }, TOKEN)],
        [true, async () => {
          const [pull] = (await call<{ items: { id: string }[] }>(a.url, 'GET', '/api/v1/andon/pulls?status=open', undefined, TOKEN)).items;
          await call(a.url, 'POST', `/api/v1/andon/pulls/${pull.id}/resolve`, { note: 'bench' }, TOKEN);
        }],
      ] as const) {
        const arrival = subscribers.nextEvent('gate', (data) => JSON.parse(data).open === open, 10_000);
        const t0 = performance.now();
        await (act as () => Promise<unknown>)();
        const arrivals = await arrival;
        delays.push(...arrivals.map((t) => t - t0));
      }
    }
    subscribers.close();
    const result = { p50: median(delays), p99: p99(delays), max: Math.max(...delays) };
    return {
      title,
      method: [
        `Two Day One instances (A and B) share one PostgreSQL schema. ${SUBSCRIBERS} subscribers hold the gate stream of \`checkout\` on B. A pull, then its resolution, is made on A ${PULLS} times; each delay runs from the start of the request on A to the arrival of the changed gate at each subscriber of B (it includes A's write and commit).`,
      ],
      table: {
        headers: ['deliveries', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'target p99', 'met'],
        rows: [[String(delays.length), formatFixed(result.p50), formatFixed(result.p99), formatFixed(result.max), '< 100 ms', result.p99 < 100 ? 'yes' : 'no']],
      },
      notes: [],
      targetsMet: result.p99 < 100,
      data: { ...result, deliveries: delays.length },
    };
  } finally {
    await a.close();
    await b.close();
    await dropSchema(url, schema);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
};
