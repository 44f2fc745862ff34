import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, createEventBatcher, type DayOneClient } from '@dayone/sdk';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-tests';
const KEY = 'checkout-button';

let server: RunningServer;
let client: DayOneClient;
let dataDir: string;
let eventsDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dayone-events-data-'));
  eventsDir = await mkdtemp(join(tmpdir(), 'dayone-events-files-'));
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  client = createClient({ url: server.url, token: ADMIN_TOKEN });
  await client.request('POST', '/api/v1/teams', { name: 'payments' });
  await client.experiments.create({
    key: KEY,
    hypothesis: 'We believe a larger checkout button raises purchases per user.',
    team: 'payments',
    variants: [
      { name: 'control', weight: 0.5 },
      { name: 'big-button', weight: 0.5 },
    ],
    metrics: [
      { key: 'purchase', aggregation: 'any' },
      { key: 'revenue', aggregation: 'sum' },
    ],
  });
  await client.experiments.start(KEY);
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(eventsDir, { recursive: true, force: true });
});

const exposure = (id: string, user: string) => JSON.stringify({ type: 'exposure', id, experiment: KEY, user, timestamp: '2025-03-01T09:30:00Z' });
const metric = (id: string, user: string, name: string, value?: number) => JSON.stringify({ type: 'metric', id, experiment: KEY, metric: name, user, value });

describe('dayone events send against a real server', () => {
  it('sends in batches, reports the bad line by number, and reports everything else duplicate the second time', async () => {
    const file = join(eventsDir, 'events.ndjson');
    await writeFile(
      file,
      [
        exposure('x-u1', 'u1'),
        exposure('x-u2', 'u2'),
        metric('purchase-u1', 'u1', 'purchase'),
        metric('revenue-u1', 'u1', 'revenue', 30),
        '{"type": "metric", "id": "broken"', // line 5: not JSON
        metric('revenue-u2', 'u2', 'revenue', 12.5),
        exposure('x-u1', 'u1'), // line 7: the id of line 1 again
        metric('revenue-u3', 'u3', 'revenue', 5), // before u3's exposure: recorded, not counted
        exposure('x-u3', 'u3'),
      ].join('\n') + '\n',
    );
    const argv = ['events', 'send', file, '--batch-size', '3', '--url', server.url, '--token', ADMIN_TOKEN];

    const first = await runCaptured(argv);
    expect(first).toEqual({
      code: 1,
      stdout: `9 events from ${file} in 3 requests: 7 accepted, 1 duplicate, 1 rejected\n${file}:5 - is not valid JSON\n`,
      stderr: '',
    });

    const second = await runCaptured([...argv, '--json']);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe('');
    expect(JSON.parse(second.stdout)).toEqual({
      file,
      events: 9,
      requests: 3,
      accepted: 0,
      duplicate: 8,
      rejected: 1,
      rejectedLines: [{ line: 5, id: null, reason: 'is not valid JSON' }],
    });
  });

  it('assigns locally as the server does, from one payload', async () => {
    const payload = await client.experiments.refresh();
    expect(payload.experiments.map((e) => e.key)).toEqual([KEY]);
    for (const user of ['u1', 'u2', 'u3', 'user-42', 'ada@example.com']) {
      expect(client.experiments.assignLocally(KEY, user)).toEqual(await client.experiments.assign(KEY, user));
    }
  });

  it('sends through the SDK batcher, which reports rejections and duplicates', async () => {
    const batcher = createEventBatcher({ client, maxBatch: 2, flushMs: 0 });
    batcher.add({ type: 'exposure', id: 'batcher-x1', experiment: KEY, user: 'b1' });
    batcher.add({ type: 'metric', id: 'batcher-m1', experiment: KEY, metric: 'revenue', user: 'b1', value: 3 });
    batcher.add({ type: 'metric', experiment: KEY, metric: 'nope', user: 'b1' });
    batcher.add({ type: 'exposure', id: 'x-u1', experiment: KEY, user: 'u1' });
    const totals = await batcher.close();
    expect(totals).toMatchObject({ accepted: 2, duplicate: 1, rejected: 1, failed: 0, batches: 2 });
    expect(totals.rejections[0].reason).toBe(`metric: ${KEY} has no metric "nope"`);
  });
});
