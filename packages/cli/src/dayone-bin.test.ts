import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closedPort, FAKE_TOKEN, startFakeDayOne } from './fake-dayone-server';

const bin = fileURLToPath(new URL('../bin/dayone.js', import.meta.url));

/** Runs the real `dayone` executable the way a user would. */
function dayone(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('bin/dayone.js', () => {
  it('--help lists every command', async () => {
    const run = await dayone(['--help']);
    expect(run.code).toBe(0);
    for (const command of [
      'dayone serve',
      'dayone token create',
      'dayone token list',
      'dayone token revoke',
      'dayone teams list',
      'dayone audit verify',
      'dayone import backstage',
      'dayone events send',
    ]) {
      expect(run.stdout).toContain(command);
    }
    expect(run.stdout).toContain('DAYONE_URL');
    expect(run.stdout).toContain('DAYONE_TOKEN');
  });

  it('exits 2 when no server listens', async () => {
    const run = await dayone(['audit', 'verify'], { DAYONE_URL: `http://127.0.0.1:${await closedPort()}`, DAYONE_TOKEN: 't' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot reach Day One');
  });

  it('exits 1 on a broken audit chain, naming the entry', async () => {
    const server = await startFakeDayOne();
    try {
      server.audit = { ok: false, checked: 9, firstBad: { seq: 4, reason: 'entry removed' } };
      const run = await dayone(['audit', 'verify', '--url', server.url], { DAYONE_TOKEN: FAKE_TOKEN });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('audit chain BROKEN at entry 4: entry removed');
    } finally {
      await server.close();
    }
  });
});
