import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';
import { FAKE_TOKEN, startFakeDayOne, type FakeDayOne } from './fake-dayone-server';

let server: FakeDayOne;
let env: Record<string, string>;

beforeEach(async () => {
  server = await startFakeDayOne();
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: FAKE_TOKEN };
});
afterEach(() => server.close());

describe('dayone audit verify', () => {
  it('exits 0 on an intact chain', async () => {
    server.audit = { ok: true, checked: 1234, firstBad: null };
    const run = await runCaptured(['audit', 'verify'], env);
    expect(run).toEqual({ code: 0, stdout: 'audit chain intact: 1234 entries checked\n', stderr: '' });
    expect(server.requests).toEqual(['GET /api/v1/audit/verify']);
  });

  it('names the first bad entry and exits 1 on a broken chain', async () => {
    server.audit = { ok: false, checked: 42, firstBad: { seq: 17, reason: 'hash mismatch: entry altered' } };
    const run = await runCaptured(['audit', 'verify'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('audit chain BROKEN at entry 17: hash mismatch: entry altered');
    expect(run.stdout).toContain('42 entries checked');
  });

  it('--json prints the result and keeps the exit code', async () => {
    server.audit = { ok: false, checked: 3, firstBad: { seq: 2, reason: 'entry removed' } };
    const run = await runCaptured(['audit', 'verify', '--json'], env);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(server.audit);
  });
});
