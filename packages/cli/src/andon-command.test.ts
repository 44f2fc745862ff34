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

const dayone = (...argv: string[]) => runCaptured(argv, env);

describe('dayone andon pull', () => {
  it('pulls the cord on a service and says what it stops and who releases it', async () => {
    const run = await dayone('andon', 'pull', 'checkout', '--reason', 'Orders are charged twice', '--env', 'production', '--severity', '2');
    expect(run).toEqual({
      code: 0,
      stdout: [
        'Pulled andon cord #1 (id pull-1).',
        'Stops deploys of service checkout to production.',
        'Severity 2; reason: Orders are charged twice',
        'Released by members of payments (the owning team) or admins: dayone andon resolve 1 --note "what fixed it"',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(server.requests).toEqual(['POST /api/v1/andon/pulls']);
    expect(server.andon.pulls[0]).toMatchObject({ target: { kind: 'service', name: 'checkout' }, severity: 2, environment: 'production' });
  });

  it('defaults to every environment and lets the server pick the severity', async () => {
    const run = await dayone('andon', 'pull', 'checkout', '--reason', 'x', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ number: 1, severity: 3, environment: null, target: { kind: 'service', name: 'checkout' } });
  });

  it('--system, --team and --organisation choose the target', async () => {
    expect((await dayone('andon', 'pull', 'shop', '--system', '--reason', 'db failover')).stdout).toContain('Stops deploys of every service in system shop to every environment.');
    expect((await dayone('andon', 'pull', 'payments', '--team', '--reason', 'x')).stdout).toContain('Stops deploys of every service team payments owns');
    const org = await dayone('andon', 'pull', '--organisation', '--reason', 'Provider outage', '--severity', '1');
    expect(org.stdout).toContain('Stops every deploy in the organisation to every environment.');
    expect(org.stdout).toContain('Released by admins (no team owns the target)');
    expect(server.andon.pulls.map((p) => p.target.kind)).toEqual(['system', 'team', 'organisation']);
  });

  it('a missing --reason is misuse (exit 2) and nothing is sent', async () => {
    const run = await dayone('andon', 'pull', 'checkout');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: required option '--reason <text>' not specified");
    expect(server.requests).toEqual([]);
  });

  it('rejects other misuse with exit 2 before calling the server', async () => {
    const cases: [string[], string][] = [
      [['--reason', 'x'], 'missing the service to stop'],
      [['checkout', '--reason', '  '], '--reason must say why the line stops'],
      [['x', '--organisation', '--reason', 'x'], '--organisation stops everything and takes no name'],
      [['x', '--system', '--team', '--reason', 'x'], "option '--system' cannot be used with option '--team'"],
      [['checkout', '--reason', 'x', '--severity', '5'], 'expected 1 (worst) to 4'],
      [['checkout', '--reason', 'x', '--env', 'PROD'], "option '--env <environment>' argument 'PROD' is invalid"],
    ];
    for (const [args, message] of cases) {
      const run = await dayone('andon', 'pull', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(server.requests).toEqual([]);
  });

  it('an unknown service is refused by the server (exit 1), naming the field', async () => {
    const run = await dayone('andon', 'pull', 'nope', '--reason', 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: Service "nope" is not in the catalog. (ANDON_TARGET_NOT_FOUND, HTTP 404)\n  target.name: Service "nope" does not exist\n');
  });
});

describe('dayone andon list', () => {
  it('lists open pulls newest first across pages, or says none', async () => {
    expect((await dayone('andon', 'list')).stdout).toBe('No open andon pulls: every line is running.\n');
    for (const reason of ['first', 'second', 'third']) await dayone('andon', 'pull', 'checkout', '--reason', reason);
    await dayone('andon', 'resolve', '1', '--note', 'fixed');
    server.requests = [];

    const run = await dayone('andon', 'list');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+SEV\s+STATUS\s+TARGET\s+ENV\s+OWNER\s+PULLED BY\s+PULLED\s+REASON$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['3', '2']);
    expect(lines[1]).toMatch(/^3\s+3\s+active\s+service checkout\s+all\s+payments\s+oscar\s+.+ ago\s+third$/);
    expect(server.requests).toEqual(['GET /api/v1/andon/pulls?status=open&limit=100']);

    const all = await dayone('andon', 'list', '--status', 'all', '--team', 'payments', '--service', 'checkout', '--json');
    expect(JSON.parse(all.stdout).map((p: { number: number }) => p.number)).toEqual([3, 2, 1]);
    expect(server.requests.at(-1)).toBe('GET /api/v1/andon/pulls?status=all&team=payments&service=component%3Adefault%2Fcheckout&limit=100&cursor=2');
  });

  it('rejects an unknown --status', async () => {
    const run = await dayone('andon', 'list', '--status', 'closed');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Allowed choices are open, resolved, all');
  });
});

describe('dayone andon ack, resolve, override, comment', () => {
  beforeEach(async () => {
    await dayone('andon', 'pull', 'checkout', '--reason', 'Orders are charged twice', '--env', 'production');
    server.requests = [];
  });

  it('ack takes an id or a pull number', async () => {
    const run = await dayone('andon', 'ack', '#1');
    expect(run).toMatchObject({ code: 0, stdout: 'Acknowledged andon pull #1 after 5m. Deploys stay stopped until it is resolved.\n' });
    expect(server.requests).toEqual(['GET /api/v1/andon/pulls?status=all&limit=100', 'POST /api/v1/andon/pulls/pull-1/acknowledge']);
    const again = await dayone('andon', 'ack', 'pull-1');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Pull #1 is acknowledged already. (ANDON_PULL_NOT_ACTIVE, HTTP 409)');
  });

  it('resolve needs --note (exit 2), reopens the gates, and refuses a second resolve (exit 1)', async () => {
    const missing = await dayone('andon', 'resolve', 'pull-1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: required option '--note <text>' not specified");
    expect(server.requests).toEqual([]);

    const run = await dayone('andon', 'resolve', 'pull-1', '--note', 'Rolled back to 4.1.2');
    expect(run).toEqual({ code: 0, stdout: 'Resolved andon pull #1 after 2h; deploys of service checkout to production may go ahead again.\n', stderr: '' });
    expect(server.andon.pulls[0]).toMatchObject({ status: 'resolved', resolution: 'Rolled back to 4.1.2' });

    const again = await dayone('andon', 'resolve', 'pull-1', '--note', 'again');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('(ANDON_PULL_ALREADY_RESOLVED, HTTP 409)');
  });

  it('resolve says who may when the caller may not (403, exit 1)', async () => {
    server.andon.forbidRelease = true;
    const run = await dayone('andon', 'resolve', '1', '--note', 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: Only members of payments (the owning team) or admins may resolve this pull. (ANDON_RELEASE_FORBIDDEN, HTTP 403)\n');
  });

  it('an unknown pull number is refused (exit 1)', async () => {
    const run = await dayone('andon', 'resolve', '#7', '--note', 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No andon pull has number 7. (ANDON_PULL_NOT_FOUND, HTTP 404)');
  });

  it('override sends the reason and minutes and says until when', async () => {
    const run = await dayone('andon', 'override', '1', '--reason', 'Deploying the fix', '--minutes', '30');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Overrode andon pull #1 until \S+Z: deploys of service checkout to production may go ahead meanwhile\.\n$/);
    expect(server.andon.pulls[0].overrides[0]).toMatchObject({ reason: 'Deploying the fix', by: 'ada' });
    const bad = await dayone('andon', 'override', '1', '--reason', 'x', '--minutes', '2000');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected whole minutes, 1 to 1440');
    expect((await dayone('andon', 'override', '1')).code).toBe(2);
  });

  it('comment posts the body', async () => {
    const run = await dayone('andon', 'comment', 'pull-1', '--body', 'Rollback started', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'pull-1', number: 1 });
    expect(server.requests).toEqual(['POST /api/v1/andon/pulls/pull-1/comments']);
    expect((await dayone('andon', 'comment', 'pull-1')).code).toBe(2);
  });
});

describe('dayone --help', () => {
  it('lists the andon and gate commands', async () => {
    const run = await runCaptured(['--help']);
    for (const usage of [
      'dayone andon pull [options] [name]',
      'dayone andon list [options]',
      'dayone andon ack [options] <id>',
      'dayone andon resolve [options] <id>',
      'dayone andon override [options] <id>',
      'dayone andon comment [options] <id>',
      'dayone gate check [options] <service>',
      'dayone gate wait [options] <service>',
    ]) {
      expect(run.stdout).toContain(usage);
    }
  });
});
