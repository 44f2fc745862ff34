import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-tests';

let server: RunningServer;
let dataDir: string;
let env: Record<string, string>;

async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dayone-andon-data-'));
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: ADMIN_TOKEN };
  await api('POST', '/api/v1/teams', { name: 'payments' });
  await api('POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('andon and gates against a real server', () => {
  it('closes the gate on a pull, and a waiting deploy goes ahead when the pull is resolved', async () => {
    const open = await runCaptured(['gate', 'check', 'checkout', '--env', 'production'], env);
    expect(open).toEqual({ code: 0, stdout: 'Gate OPEN: component:default/checkout in production.\n', stderr: '' });

    const pulled = await runCaptured(['andon', 'pull', 'checkout', '--reason', 'x', '--json'], env);
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    const pull = JSON.parse(pulled.stdout) as { id: string; number: number; ownerTeam: string };
    expect(pull).toMatchObject({ number: 1, ownerTeam: 'payments', target: { kind: 'service', name: 'checkout', ref: 'component:default/checkout' } });

    const closed = await runCaptured(['gate', 'check', 'checkout', '--env', 'production'], env);
    expect(closed.code).toBe(1);
    expect(closed.stdout).toContain('Gate CLOSED: component:default/checkout in production: 1 andon pull stops deploys.');
    expect(closed.stdout).toMatch(/#1 {2}severity 3 {2}active {2}on service checkout\n.*: x\n/);

    // Know when the wait's stream is open: from then on the server pushes every change to it.
    let streamOpen!: () => void;
    const streaming = new Promise<void>((resolve) => (streamOpen = resolve));
    const watchingFetch = async (input: string, init: RequestInit) => {
      const response = await fetch(input, init);
      if (input.includes('/api/v1/gates/stream') && response.ok) streamOpen();
      return response;
    };
    const waiting = runCaptured(['gate', 'wait', 'checkout', '--env', 'production', '--timeout', '1m'], env, { fetch: watchingFetch });
    await streaming;

    const list = await runCaptured(['andon', 'list'], env);
    expect(list.stdout).toMatch(/^1\s+3\s+active\s+service checkout\s+all\s+payments\s+/m);

    await api('POST', `/api/v1/andon/pulls/${pull.id}/resolve`, { note: 'Rolled back' });
    const waited = await waiting;
    expect(waited.code).toBe(0);
    expect(waited.stdout).toMatch(/^Gate OPEN: component:default\/checkout in production opened at \S+Z after \d+s\.\n$/);
    expect(waited.stderr).toContain('Gate CLOSED: component:default/checkout in production; waiting up to 1m for it to open.');

    expect((await runCaptured(['gate', 'check', 'checkout'], env)).code).toBe(0);
    const again = await runCaptured(['andon', 'resolve', '1', '--note', 'again'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('ANDON_PULL_ALREADY_RESOLVED');
  });

  it('reports an unknown service as exit 2 for check and wait', async () => {
    expect((await runCaptured(['gate', 'check', 'nope'], env)).code).toBe(2);
    const wait = await runCaptured(['gate', 'wait', 'nope', '--timeout', '5s'], env);
    expect(wait.code).toBe(2);
    expect(wait.stderr).toContain('GATE_SERVICE_NOT_FOUND');
  });
});
