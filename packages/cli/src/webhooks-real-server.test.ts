import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type DayOneClient } from '@dayone/sdk';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-webhook-tests';

let server: RunningServer;
let client: DayOneClient;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dayone-webhooks-cli-'));
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  client = createClient({ url: server.url, token: ADMIN_TOKEN });
  await client.request('POST', '/api/v1/teams', { name: 'payments' });
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: ADMIN_TOKEN };
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('dayone webhooks against a real server', () => {
  let id: string;

  it('create registers a team webhook and prints its secret once', async () => {
    const run = await runCaptured(['webhooks', 'create', 'http://127.0.0.1:9/hooks', '--team', 'payments', '--event', 'andon.pulled', '--event', 'andon.resolved', '--format', 'slack'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    id = /Registered webhook (\S+) for payments\./.exec(run.stdout)![1]!;
    expect(run.stdout).toMatch(/Signing secret \(store it now, it is not shown again\): whsec_\S+/);
    const stored = await client.webhooks.get(id);
    expect(stored).toMatchObject({ url: 'http://127.0.0.1:9/hooks', team: 'payments', format: 'slack', events: ['andon.pulled', 'andon.resolved'], active: true });
  });

  it('create refuses an unknown event type, naming the field, and registers nothing', async () => {
    const run = await runCaptured(['webhooks', 'create', 'http://127.0.0.1:9/x', '--team', 'payments', '--event', 'andon.exploded'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('events');
    expect((await client.webhooks.list()).items).toHaveLength(1);
  });

  it('create refuses a format the server does not know before sending anything', async () => {
    const run = await runCaptured(['webhooks', 'create', 'http://127.0.0.1:9/x', '--event', '*', '--format', 'xml'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are json, slack");
  });

  it('list prints the webhooks as a table and as JSON', async () => {
    const table = await runCaptured(['webhooks', 'list'], env);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('ID                                    TEAM      FORMAT  ACTIVE  EVENTS                       URL');
    expect(table.stdout).toContain(`${id}  payments  slack   yes     andon.pulled,andon.resolved  http://127.0.0.1:9/hooks`);
    const json = await runCaptured(['webhooks', 'list', '--json', '--team', 'payments'], env);
    expect(JSON.parse(json.stdout).map((w: { id: string }) => w.id)).toEqual([id]);
  });

  it('deliveries lists what was sent after an andon pull', async () => {
    await client.request('POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
    await client.andon.pull({ target: { kind: 'service', name: 'checkout' }, reason: 'Refunds fail after the deploy.', severity: 3 });
    const run = await runCaptured(['webhooks', 'deliveries', id, '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject([{ event: 'andon.pulled' }]);
    const none = await runCaptured(['webhooks', 'deliveries', id, '--status', 'delivered'], env);
    expect(none.stdout).toBe('No deliveries.\n');
  });

  it('update changes only what is named, over the version it read', async () => {
    const before = await client.webhooks.get(id);
    const run = await runCaptured(['webhooks', 'update', id, '--inactive', '--event', 'andon.pulled', '--event', 'prfaq.decided', '--format', 'json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Updated webhook ${id}: switched off, json, andon.pulled,prfaq.decided for payments → http://127.0.0.1:9/hooks\n`);
    const after = await client.webhooks.get(id);
    expect(after).toMatchObject({ active: false, format: 'json', events: ['andon.pulled', 'prfaq.decided'], team: 'payments', url: before.url, description: before.description });
    expect(after.version).toBe(before.version + 1);
    const json = await runCaptured(['webhooks', 'update', id, '--active', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ id, active: true, events: ['andon.pulled', 'prfaq.decided'] });
  });

  it('update refuses nothing to change, contradicting flags and a bad event, changing nothing', async () => {
    const before = await client.webhooks.get(id);
    const nothing = await runCaptured(['webhooks', 'update', id], env);
    expect([nothing.code, nothing.stderr]).toEqual([2, expect.stringContaining('name something to change')]);
    const both = await runCaptured(['webhooks', 'update', id, '--active', '--inactive'], env);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--active or --inactive')]);
    const bad = await runCaptured(['webhooks', 'update', id, '--event', 'andon.exploded'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('events');
    const missing = await runCaptured(['webhooks', 'update', 'no-such-hook', '--active'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/404|not found/i);
    expect(await client.webhooks.get(id)).toEqual(before);
  });

  it('delete removes the webhook; deleting it again is a clear 404', async () => {
    const run = await runCaptured(['webhooks', 'delete', id], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Deleted webhook ${id} (http://127.0.0.1:9/hooks).\n`);
    expect((await client.webhooks.list()).items).toEqual([]);
    const again = await runCaptured(['webhooks', 'delete', id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/404|not found/i);
  });
});
