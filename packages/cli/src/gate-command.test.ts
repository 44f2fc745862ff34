import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';
import { closedPort, FAKE_TOKEN, startFakeDayOne, type FakeDayOne } from './fake-dayone-server';

let server: FakeDayOne;
let env: Record<string, string>;

beforeEach(async () => {
  server = await startFakeDayOne();
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: FAKE_TOKEN };
});
afterEach(() => server.close());

const pull = (args: string[] = []) => runCaptured(['andon', 'pull', 'checkout', '--reason', 'Orders are charged twice', ...args], env);

describe('dayone gate check', () => {
  it('exits 0 when the gate is open', async () => {
    const run = await runCaptured(['gate', 'check', 'checkout', '--env', 'production'], env);
    expect(run).toEqual({ code: 0, stdout: 'Gate OPEN: component:default/checkout in production.\n', stderr: '' });
    expect(server.requests).toEqual(['GET /api/v1/gates/checkout?environment=production']);
  });

  it('exits 1 when a pull closes it, saying who pulled, why, how bad and since when', async () => {
    await pull(['--severity', '2', '--env', 'production']);
    const run = await runCaptured(['gate', 'check', 'checkout', '--env', 'production'], env);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Gate CLOSED: component:default/checkout in production: 1 andon pull stops deploys.');
    expect(lines[1]).toBe('  #1  severity 2  active  on service checkout in production');
    expect(lines[2]).toMatch(/^ {7}pulled by oscar since 2025-03-01T09:30Z \(.+ ago\): Orders are charged twice$/);
    expect(run.stdout).toContain('dayone andon resolve N');
    expect(run.stderr).toBe('');
  });

  it('only counts pulls for the environment asked about', async () => {
    await pull(['--env', 'staging']);
    expect((await runCaptured(['gate', 'check', 'checkout', '--env', 'production'], env)).code).toBe(0);
    expect((await runCaptured(['gate', 'check', 'checkout', '--env', 'staging'], env)).code).toBe(1);
    expect((await runCaptured(['gate', 'check', 'checkout'], env)).code).toBe(1);
  });

  it('is open again while a pull is overridden, and lists the override', async () => {
    await pull();
    await runCaptured(['andon', 'override', '1', '--reason', 'Deploying the fix', '--minutes', '30'], env);
    const run = await runCaptured(['gate', 'check', 'checkout'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Gate OPEN: component:default/checkout (any environment).');
    expect(run.stdout).toMatch(/override by ada until .+ \((29m \d+s|30m) left\): Deploying the fix/);
  });

  it('--json prints the gate and keeps the exit code', async () => {
    await pull();
    const run = await runCaptured(['gate', 'check', 'checkout', '--json'], env);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ service: 'component:default/checkout', open: false, pulls: [{ number: 1, pulledBy: 'oscar' }] });
  });

  it('warns about a stale answer but still exits 0 when open', async () => {
    server.andon.stale = true;
    const run = await runCaptured(['gate', 'check', 'checkout'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: the server says this answer may be stale');
  });

  it('exits 2 when the server fails (5xx), and 0 with a warning under --fail-open', async () => {
    server.andon.gateFailure = 500;
    const closed = await runCaptured(['gate', 'check', 'checkout'], env);
    expect(closed.code).toBe(2);
    expect(closed.stdout).toBe('');
    expect(closed.stderr).toContain('error: Something went wrong. (INTERNAL, HTTP 500)');
    expect(closed.stderr).toContain('The gate of checkout counts as CLOSED');

    const open = await runCaptured(['gate', 'check', 'checkout', '--fail-open'], env);
    expect(open.code).toBe(0);
    expect(open.stderr).toContain('warning: Something went wrong.');
    expect(open.stderr).toContain('--fail-open lets the deploy go ahead unchecked');
  });

  it('exits 2 when nothing listens, and 0 under --fail-open', async () => {
    const down = { DAYONE_URL: `http://127.0.0.1:${await closedPort()}`, DAYONE_TOKEN: 't' };
    const closed = await runCaptured(['gate', 'check', 'checkout'], down);
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain('error: cannot reach Day One at');
    const open = await runCaptured(['gate', 'check', 'checkout', '--fail-open'], down);
    expect(open.code).toBe(0);
    expect(open.stderr).toContain('warning: cannot reach Day One at');
  });

  it('exits 2 for an unknown service with a hint, and 0 under --fail-open', async () => {
    const closed = await runCaptured(['gate', 'check', 'nope'], env);
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain('error: No service "nope" is in the catalog; register it or check the name. (GATE_SERVICE_NOT_FOUND, HTTP 404)');
    expect(closed.stderr).toContain('hint: check the name');
    expect((await runCaptured(['gate', 'check', 'nope', '--fail-open'], env)).code).toBe(0);
  });

  it('exits 2 on a refused token even under --fail-open', async () => {
    const run = await runCaptured(['gate', 'check', 'checkout', '--fail-open'], { DAYONE_URL: server.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(AUTH_REQUIRED, HTTP 401)');
    expect(run.stderr).toContain('--fail-open does not cover a refusal');
  });

  it('rejects a malformed --env without asking the server', async () => {
    const run = await runCaptured(['gate', 'check', 'checkout', '--env', 'Production!'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--env <environment>' argument 'Production!' is invalid");
    expect(server.requests).toEqual([]);
  });
});

describe('dayone gate wait', () => {
  it('exits 0 at once when the gate is open', async () => {
    const run = await runCaptured(['gate', 'wait', 'checkout', '--env', 'production'], env);
    expect(run).toEqual({ code: 0, stdout: 'Gate OPEN: component:default/checkout in production.\n', stderr: '' });
    expect(server.requests).toEqual(['GET /api/v1/gates/stream?service=checkout&environment=production']);
    await server.andon.streamsClosed(); // the command hung up
  });

  it('blocks while closed and exits 0 when a pushed event opens the gate', async () => {
    await pull();
    const waiting = runCaptured(['gate', 'wait', 'checkout'], env);
    await server.andon.streamsOpened(1);
    const resolved = await runCaptured(['andon', 'resolve', 'pull-1', '--note', 'Rolled back'], env);
    expect(resolved.code).toBe(0);

    const run = await waiting;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Gate OPEN: component:default\/checkout \(any environment\) opened at \S+Z after \d+s\.\n$/);
    expect(run.stderr).toContain('Gate CLOSED: component:default/checkout (any environment); waiting up to 30m for it to open.');
    expect(run.stderr).toContain('pulled by oscar since 2025-03-01T09:30Z');
    await server.andon.streamsClosed();
  });

  it('says when another pull keeps it closed', async () => {
    await pull();
    await pull(['--env', 'production']);
    const waiting = runCaptured(['gate', 'wait', 'checkout'], env);
    await server.andon.streamsOpened(1);
    await runCaptured(['andon', 'resolve', '1', '--note', 'fixed'], env);
    await runCaptured(['andon', 'resolve', '2', '--note', 'fixed'], env);
    const run = await waiting;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Still closed: 1 andon pull (#2).');
  });

  it('exits 1 when the timeout passes while the gate is still closed', async () => {
    await pull(['--severity', '1']);
    const run = await runCaptured(['gate', 'wait', 'checkout', '--timeout', '1s'], env);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'Gate still CLOSED after 1s: component:default/checkout (any environment).',
      '  #1  severity 1  active  on service checkout',
    ]);
    await server.andon.streamsClosed();
  });

  it('reconnects after the server closes the stream, sending Last-Event-ID, and still sees the gate open', async () => {
    await pull();
    const waiting = runCaptured(['gate', 'wait', 'checkout'], env);
    await server.andon.streamsOpened(1);
    server.andon.dropStreams();
    await server.andon.streamsOpened(2);
    server.andon.pulls[0].status = 'resolved';
    server.andon.push();

    const run = await waiting;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: the gate stream dropped');
    expect(run.stderr).toContain('reconnecting every 20ms');
    expect(run.stderr).toMatch(/Reconnected to the gate stream after \d+s\./);
    expect(server.andon.streamRequests[0]).toBeUndefined();
    expect(server.andon.streamRequests[1]).toMatch(/^checkout-/);
  });

  it('opens the gate that changed while the stream was down', async () => {
    await pull();
    server.andon.retryMs = 200;
    const waiting = runCaptured(['gate', 'wait', 'checkout'], env);
    await server.andon.streamsOpened(1);
    server.andon.dropStreams();
    server.andon.pulls[0].status = 'resolved'; // resolved while nobody listens: the next connection says so
    const run = await waiting;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('opened at');
  });

  it('exits 2 when the stream cannot be opened: unknown service, server down', async () => {
    const unknown = await runCaptured(['gate', 'wait', 'nope', '--timeout', '1m'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('(GATE_SERVICE_NOT_FOUND, HTTP 404)');

    const down = await runCaptured(['gate', 'wait', 'checkout'], { DAYONE_URL: `http://127.0.0.1:${await closedPort()}`, DAYONE_TOKEN: 't' });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('cannot reach Day One');
  });

  it('rejects a --timeout without a unit as misuse', async () => {
    const run = await runCaptured(['gate', 'wait', 'checkout', '--timeout', '30'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a duration with a unit, e.g. 90s, 30m, 2h or 1h30m');
    expect(server.requests).toEqual([]);
  });
});
