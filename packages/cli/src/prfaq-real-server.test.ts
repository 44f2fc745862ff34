import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type DayOneClient } from '@dayone/sdk';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-prfaq-tests';

let server: RunningServer;
let client: DayOneClient;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dayone-prfaq-cli-'));
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  client = createClient({ url: server.url, token: ADMIN_TOKEN });
  await client.request('POST', '/api/v1/teams', { name: 'ledger' });
  await client.request('POST', '/api/v1/prfaqs', { title: 'Ledger', team: 'ledger', customer: 'controllers' });
  await client.request('PATCH', '/api/v1/prfaqs/1', { bet: { probability: 0.5, payoff: 3, cost: 100 } }, { 'if-match': '"1"' });
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: ADMIN_TOKEN };
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('dayone prfaq against a real server', () => {
  it('list prints the documents', async () => {
    const run = await runCaptured(['prfaq', 'list', '--team', 'ledger'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^NUMBER\s+STATUS\s+TEAM\s+AUTHOR\s+VERSION\s+TITLE\n1\s+draft\s+ledger\s+dayone-admin-token\s+1\s+Ledger\n$/);
  });

  it('export writes the Markdown to a file', async () => {
    const out = join(dataDir, 'ledger.md');
    const run = await runCaptured(['prfaq', 'export', '1', '--out', out], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote PR/FAQ 1 to ${out}.\n`);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('# Ledger');
    expect(text).toContain('## Internal FAQ');
  });

  it('export of a missing document fails with the server’s reason', async () => {
    const run = await runCaptured(['prfaq', 'export', '99'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No PR/FAQ has number 99');
  });

  it('decisions says when there is none yet; portfolio values the bet and asks for a long shot', async () => {
    expect((await runCaptured(['prfaq', 'decisions'], env)).stdout).toBe('No decisions yet.\n');
    const portfolio = await runCaptured(['prfaq', 'portfolio'], env);
    expect(portfolio.code).toBe(0);
    // 0.5 × 3 × 100 = 150 expected return; minus the cost of 100: an expected value of 50.
    expect(portfolio.stdout).toContain('Total cost 100, expected return 150, expected value 50.');
    expect(portfolio.stdout).toContain('No long shots');
  });
});
