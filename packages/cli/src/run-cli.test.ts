import { describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';
import { closedPort } from './fake-dayone-server';

describe('exit codes and misuse', () => {
  it('exits 2 with a hint when nothing listens at the URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCaptured(['teams', 'list'], { DAYONE_URL: url, DAYONE_TOKEN: 't' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: cannot reach Day One at ${url}/api/v1/teams`);
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr).toContain('dayone serve');
  });

  it('exits 2 on an invalid --url', async () => {
    const run = await runCaptured(['audit', 'verify', '--url', 'localhost:4000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid Day One URL');
  });

  it('exits 2 on an unknown command or option, and on a missing argument', async () => {
    expect((await runCaptured(['frobnicate'])).code).toBe(2);
    expect((await runCaptured(['teams', 'list', '--nope'])).code).toBe(2);
    const missing = await runCaptured(['token', 'revoke']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'id'");
  });

  it('--help and --version exit 0 on stdout', async () => {
    const help = await runCaptured(['token', 'list', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dayone token list [options]');
    expect(help.stdout).toContain('--url <url>');
    expect(help.stdout).toContain('Examples:');
    const version = await runCaptured(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});
