import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-tests';
const DATABASE_URL = process.env.DAYONE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const loadServer = () => import('@dayone/server');

let folder: string;
let source: RunningServer;
const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;

async function api(server: RunningServer, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
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
  folder = await mkdtemp(join(tmpdir(), 'dayone-backup-cli-'));
  source = await startServer({ dataDir: join(folder, 'embedded'), port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  await api(source, 'POST', '/api/v1/teams', { name: 'payments' });
  await api(source, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
  await api(source, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Card payments failing' });
});

afterAll(async () => {
  await source?.close();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
  await rm(folder, { recursive: true, force: true });
});

describe('dayone backup and dayone restore: from the embedded database to PostgreSQL', () => {
  const postgres = { DAYONE_DATABASE_URL: DATABASE_URL, DAYONE_DATABASE_SCHEMA: schema };

  it('backs up the running instance, restores it into PostgreSQL, and the new instance serves it', async () => {
    const file = join(folder, 'move.dayone.gz');
    const backup = await runCaptured(['backup', file], { DAYONE_DATA_DIR: join(folder, 'embedded') }, { loadServer });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ tables, \d+ rows from sqlite to .*move\.dayone\.gz \(\d+ bytes\)\.\nSchema version: \S+ \(\d+ migrations\)\.\n$/);

    const restore = await runCaptured(['restore', file, '--json'], postgres, { loadServer });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const summary = JSON.parse(restore.stdout) as { rows: number; sourceDialect: string; migratedAfter: string[] };
    expect(summary).toMatchObject({ sourceDialect: 'sqlite', migratedAfter: [] });
    expect(summary.rows).toBeGreaterThan(5);

    const moved = await startServer({ dataDir: folder, databaseUrl: DATABASE_URL, databaseSchema: schema, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
    try {
      const verify = await runCaptured(['audit', 'verify'], { DAYONE_URL: moved.url, DAYONE_TOKEN: ADMIN_TOKEN });
      expect(verify).toMatchObject({ code: 0, stdout: expect.stringMatching(/^audit chain intact: \d+ entries checked\n$/) });
      const gate = await runCaptured(['gate', 'check', 'checkout'], { DAYONE_URL: moved.url, DAYONE_TOKEN: ADMIN_TOKEN });
      expect(gate.code).toBe(1); // the pull made on the embedded database still stops deploys
    } finally {
      await moved.close();
    }
  });

  it('refuses a target that holds data with exit 1, and says nothing was written', async () => {
    const run = await runCaptured(['restore', join(folder, 'move.dayone.gz')], postgres, { loadServer });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: the target database \(schema t_\w+ of postgres:\/\/.*\) is not empty: .*; restore only into a new, empty database\nnote: nothing was written\.\n$/);
  });

  it('refuses a damaged file with exit 1, and an unreachable database with exit 2', async () => {
    const junk = join(folder, 'junk.dayone.gz');
    await writeFile(junk, 'not a backup');
    const damaged = await runCaptured(['restore', junk, '--data-dir', join(folder, 'fresh')], {}, { loadServer });
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('is not a Day One backup: it is not gzip-compressed data');

    const unreachable = await runCaptured(['backup', join(folder, 'x.gz'), '--database-url', 'postgres://nobody@127.0.0.1:1/none'], {}, { loadServer });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/^error: cannot reach the database at postgres:\/\/nobody@127\.0\.0\.1:1\/none\nhint: /);

    const missing = await runCaptured(['backup', join(folder, 'y.gz'), '--data-dir', join(folder, 'nothing-here')], {}, { loadServer });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: there is no Day One database at .*nothing-here\/dayone\.sqlite\n/);
  });
});
