import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-token-tests';

let server: RunningServer;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dayone-token-cli-'));
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: ADMIN_TOKEN };
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('dayone token against a real server', () => {
  it('creates a pipeline token with two scopes and an expiry; reading teams with it is refused, naming the scope', async () => {
    const created = await runCaptured(['token', 'create', 'deploy-pipeline', '--scope', 'gates:read', '--scope', 'events:write', '--expires', '30d', '--json'], env);
    expect(created.code).toBe(0);
    const token = JSON.parse(created.stdout);
    expect(token.scopes).toEqual(['gates:read', 'events:write']);
    expect(Date.parse(token.expiresAt)).toBeGreaterThan(Date.parse(token.createdAt));

    const pipeline = { ...env, DAYONE_TOKEN: token.token };
    const list = await runCaptured(['teams', 'list'], pipeline);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('TOKEN_SCOPE_MISSING, HTTP 403');
    expect(list.stderr).toContain('"read"');

    const table = await runCaptured(['token', 'list'], env);
    expect(table.stdout).toMatch(/deploy-pipeline\s+dayone_\S+\s+active\s+gates:read,events:write\s/);
  });

  it('refuses an unknown scope, naming it (exit 1)', async () => {
    const run = await runCaptured(['token', 'create', 'typo', '--scope', 'gates:wirte'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown scope "gates:wirte"');
  });
});
