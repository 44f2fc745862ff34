import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';
import { FAKE_TOKEN, startFakeDayOne, type FakeDayOne } from './fake-dayone-server';
import { parseExpiry } from './commands/token-command';

let server: FakeDayOne;
let env: Record<string, string>;

beforeEach(async () => {
  server = await startFakeDayOne();
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: FAKE_TOKEN };
});
afterEach(() => server.close());

describe('dayone token', () => {
  it('create prints the secret alone on stdout and the warning on stderr', async () => {
    const run = await runCaptured(['token', 'create', 'ci'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('dyo_ab12_SECRET\n');
    expect(run.stderr).toContain('Created token "ci" (id tok_1, scopes read write, never expires)');
    expect(run.stderr).toContain('will not be shown again');
    expect(server.requests).toEqual(['POST /api/v1/tokens']);
    expect(server.authorizations).toEqual([`Bearer ${FAKE_TOKEN}`]);
  });

  it('create --expires sends the expiry in UTC and --json prints the token', async () => {
    const run = await runCaptured(['token', 'create', 'nightly', '--expires', '2030-01-01T02:00:00+02:00', '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: 'tok_1',
      name: 'nightly',
      expiresAt: '2030-01-01T00:00:00.000Z',
      token: 'dyo_ab12_SECRET',
    });
  });

  it('create rejects an unreadable --expires as misuse (exit 2) without calling the server', async () => {
    const run = await runCaptured(['token', 'create', 'ci', '--expires', 'next tuesday'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--expires <when>' argument 'next tuesday' is invalid");
    expect(server.requests).toEqual([]);
  });

  it('create prints the problem detail and field errors on a refusal (exit 1)', async () => {
    const run = await runCaptured(['token', 'create', ' '], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: The request body is invalid. (VALIDATION_FAILED, HTTP 400)');
    expect(run.stderr).toContain('  name: Too small');
  });

  it('list prints a table, with --json the raw tokens', async () => {
    await runCaptured(['token', 'create', 'ci'], env);
    await runCaptured(['token', 'create', 'laptop', '--expires', '2001-01-01T00:00:00Z'], env);
    await runCaptured(['token', 'revoke', 'tok_1'], env);

    const table = await runCaptured(['token', 'list'], env);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+PREFIX\s+STATUS\s+SCOPES\s+CREATED\s+EXPIRES\s+LAST USED$/);
    expect(lines[1]).toMatch(/^tok_1\s+ci\s+dyo_ab12\s+revoked\s+read,write\s+2025-03-01T09:30Z\s+-\s+-$/);
    expect(lines[2]).toMatch(/^tok_2\s+laptop\s+dyo_ab12\s+expired\s+read,write\s+2025-03-01T09:30Z\s+2001-01-01T00:00Z\s+-$/);

    const json = await runCaptured(['token', 'list', '--json'], env);
    expect(JSON.parse(json.stdout).map((t: { id: string }) => t.id)).toEqual(['tok_1', 'tok_2']);
  });

  it('list says so when there are no tokens', async () => {
    const run = await runCaptured(['token', 'list'], env);
    expect(run.stdout).toContain('No API tokens.');
  });

  it('revoke confirms, and an unknown id is refused with exit 1', async () => {
    await runCaptured(['token', 'create', 'ci'], env);
    const ok = await runCaptured(['token', 'revoke', 'tok_1'], env);
    expect(ok).toMatchObject({ code: 0, stdout: 'Revoked token tok_1.\n' });

    const missing = await runCaptured(['token', 'revoke', 'tok_404'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No API token has id tok_404. (TOKEN_NOT_FOUND, HTTP 404)');
    expect(server.requests.at(-1)).toBe('DELETE /api/v1/tokens/tok_404');
  });

  it('--url and --token flags override the environment', async () => {
    const run = await runCaptured(['token', 'list', '--url', server.url, '--token', FAKE_TOKEN], {
      DAYONE_URL: 'http://127.0.0.1:1',
      DAYONE_TOKEN: 'wrong',
    });
    expect(run.code).toBe(0);
  });

  it('a missing token is refused with exit 1 and a hint', async () => {
    const run = await runCaptured(['token', 'list'], { DAYONE_URL: server.url });
    expect(run.code).toBe(1);
    expect(server.authorizations).toEqual([undefined]);
    expect(run.stderr).toContain('Sign in or send a valid API token. (AUTH_REQUIRED, HTTP 401)');
    expect(run.stderr).toContain('--token or DAYONE_TOKEN');
  });
});

describe('dayone token create --scope and --expires durations', () => {
  it('sends every --scope given and shows them', async () => {
    const run = await runCaptured(['token', 'create', 'deploy', '--scope', 'gates:read', '--scope', 'events:write', '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scopes).toEqual(['gates:read', 'events:write']);
    const table = await runCaptured(['token', 'list'], env);
    expect(table.stdout.split('\n')[1]).toMatch(/^tok_1\s+deploy\s+dyo_ab12\s+active\s+gates:read,events:write\s/);
  });

  it('reads 90m, 12h, 30d and 2w as times from now, and keeps ISO dates', () => {
    const now = () => Date.parse('2030-01-01T00:00:00Z');
    expect(parseExpiry('90m', undefined, now)).toBe('2030-01-01T01:30:00.000Z');
    expect(parseExpiry('12h', undefined, now)).toBe('2030-01-01T12:00:00.000Z');
    expect(parseExpiry('30d', undefined, now)).toBe('2030-01-31T00:00:00.000Z');
    expect(parseExpiry('2w', undefined, now)).toBe('2030-01-15T00:00:00.000Z');
    expect(parseExpiry('2030-06-01T02:00:00+02:00', undefined, now)).toBe('2030-06-01T00:00:00.000Z');
    expect(() => parseExpiry('0d', undefined, now)).toThrow(/time from now/);
    expect(() => parseExpiry('30 days', undefined, now)).toThrow(/time from now/);
  });
});
