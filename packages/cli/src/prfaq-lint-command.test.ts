import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-prfaq-lint-tests';

let server: RunningServer;
let dataDir: string;
let env: Record<string, string>;

const draft = {
  customer: 'platform engineers',
  pressRelease: {
    heading: 'Day One stops a bad deploy in one click',
    summary: 'Platform engineers ship significantly safer.',
  },
};

async function file(name: string, content: string): Promise<string> {
  const path = join(dataDir, name);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dayone-prfaq-lint-cli-'));
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: ADMIN_TOKEN };
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('dayone prfaq lint', () => {
  it('prints the score, the categories and each finding with its passage, and exits 0', async () => {
    const run = await runCaptured(['prfaq', 'lint', await file('draft.json', JSON.stringify(draft))], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Score \d+\/100$/);
    expect(lines[2]).toMatch(/^CATEGORY\s+SCORE\s+FINDINGS$/);
    expect(lines[3]).toMatch(/^structure\s+\d+\/20\s+7$/); // seven of the nine parts are missing
    expect(run.stdout).toMatch(/\npressRelease\.summary 24-37\s+needs-data\s+significantly\s+“significantly” should be data: give the number instead/);
    expect(run.stdout).toMatch(/\npressRelease\.problem\s+missing-part\s+The press release has no problem\./);
  });

  it('prints the answer as JSON with --json', async () => {
    const run = await runCaptured(['prfaq', 'lint', await file('draft.json', JSON.stringify(draft)), '--json'], env);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.categories).toHaveLength(8);
    expect(answer.findings).toContainEqual(expect.objectContaining({ rule: 'needs-data', section: 'pressRelease.summary', start: 24, end: 37 }));
  });

  it('exits 2 naming the field when the file is not a PR/FAQ', async () => {
    const run = await runCaptured(['prfaq', 'lint', await file('bad.json', JSON.stringify({ pressRelease: { city: 'Seattle' } }))], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('body.pressRelease.city: is not a known field');
  });

  it('exits 2 when the file is missing or not JSON', async () => {
    const missing = await runCaptured(['prfaq', 'lint', join(dataDir, 'nowhere.json')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`error: no such file: ${join(dataDir, 'nowhere.json')}\n`);
    const notJson = await runCaptured(['prfaq', 'lint', await file('notes.md', '# Not JSON')], env);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^error: .*notes\.md is not JSON: /);
  });
});
