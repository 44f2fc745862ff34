import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type DayOneClient } from '@dayone/sdk';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-flywheel-tests';

let server: RunningServer;
let client: DayOneClient;
let dataDir: string;
let env: Record<string, string>;
let good: string;
let mixed: string;

const stored = async () => (await client.request<{ items: { metric: string; week: string; value: number }[] }>('GET', '/api/v1/teams/marketplace/flywheel/values?from=2026-01-05&to=2026-12-28')).items;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dayone-flywheel-cli-'));
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  client = createClient({ url: server.url, token: ADMIN_TOKEN });
  await client.request('POST', '/api/v1/teams', { name: 'marketplace' });
  await client.request('PUT', '/api/v1/teams/marketplace/flywheel', {
    metrics: [
      { key: 'traffic', name: 'Traffic', unit: 'visits', kind: 'output', next: 'sellers' },
      { key: 'sellers', name: 'Sellers', unit: 'sellers', kind: 'input', next: 'traffic' },
    ],
  });
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: ADMIN_TOKEN };
  good = join(dataDir, 'good.csv');
  mixed = join(dataDir, 'mixed.csv');
  await writeFile(good, 'metric,week,value\ntraffic,2026-11-09,100\nsellers,2026-11-09,12\n');
  await writeFile(mixed, 'metric,week,value\ntraffic,2026-11-09,105\nsellers,2026-11-10,13\ntraffic,2026-11-16,110\n');
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('dayone flywheel upload against a real server', () => {
  it('imports every row of a good file and exits 0', async () => {
    const run = await runCaptured(['flywheel', 'upload', 'marketplace', good], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("Imported 2 value(s) into marketplace's flywheel: 2 new, 0 replaced, 0 unchanged.\n");
    expect((await stored()).map((v) => [v.metric, v.week, v.value])).toEqual([['sellers', '2026-11-09', 12], ['traffic', '2026-11-09', 100]]);
  });

  it('refuses a file with a bad row by its line, imports nothing and exits 1', async () => {
    const run = await runCaptured(['flywheel', 'upload', 'marketplace', mixed], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 3 (week): 2026-11-10 is a Tuesday; weeks start on Monday (2026-11-09)');
    expect(await stored()).toHaveLength(2);
  });

  it('with --partial imports the good rows, says which it replaced, reports the bad one and exits 1', async () => {
    const run = await runCaptured(['flywheel', 'upload', 'marketplace', mixed, '--partial'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("Imported 2 value(s) into marketplace's flywheel: 1 new, 1 replaced, 0 unchanged.\n  replaced traffic 2026-11-09: 100 → 105\n");
    expect(run.stderr).toBe('Left out 1 bad row(s):\n  line 3 (week): 2026-11-10 is a Tuesday; weeks start on Monday (2026-11-09)\n');
    expect((await stored()).map((v) => [v.metric, v.week, v.value])).toEqual([['sellers', '2026-11-09', 12], ['traffic', '2026-11-09', 105], ['traffic', '2026-11-16', 110]]);
  });

  it('exits 2 on a missing file or an unreachable server', async () => {
    const missing = await runCaptured(['flywheel', 'upload', 'marketplace', join(dataDir, 'nope.csv')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const away = await runCaptured(['flywheel', 'upload', 'marketplace', good], { DAYONE_URL: 'http://127.0.0.1:9', DAYONE_TOKEN: ADMIN_TOKEN });
    expect(away.code).toBe(2);
    const usage = await runCaptured(['flywheel', 'upload', 'marketplace'], env);
    expect(usage.code).toBe(2);
  });

  it('exits 1 when the team has no flywheel', async () => {
    const run = await runCaptured(['flywheel', 'upload', 'nobody', good], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TEAM_NOT_FOUND');
  });
});
