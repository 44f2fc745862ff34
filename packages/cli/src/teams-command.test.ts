import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';
import { FAKE_TOKEN, makeTeam, startFakeDayOne, type FakeDayOne } from './fake-dayone-server';

let server: FakeDayOne;
let env: Record<string, string>;

beforeEach(async () => {
  server = await startFakeDayOne({ pageSize: 2 });
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: FAKE_TOKEN };
  server.teams = [
    makeTeam('checkout', 6, 'ada'),
    makeTeam('payments', 14, null, ['14 members, over the two-pizza limit of 10', 'no leader']),
    makeTeam('search', 4, 'grace'),
    makeTeam('ledger', 3, 'ada', ['ada leads 2 teams']),
    makeTeam('identity', 8, 'linus'),
  ];
});
afterEach(() => server.close());

describe('dayone teams list', () => {
  it('pages through every team and prints a table', async () => {
    const run = await runCaptured(['teams', 'list'], env);
    expect(run.code).toBe(0);
    expect(server.requests).toEqual([
      'GET /api/v1/teams?limit=100',
      'GET /api/v1/teams?limit=100&cursor=2',
      'GET /api/v1/teams?limit=100&cursor=4',
    ]);
    expect(run.stdout.split('\n')).toEqual([
      'NAME      MEMBERS  LEADER  FITNESS',
      'checkout  6        ada     fit',
      'payments  14       -       14 members, over the two-pizza limit of 10; no leader',
      'search    4        grace   fit',
      'ledger    3        ada     ada leads 2 teams',
      'identity  8        linus   fit',
      '',
    ]);
  });

  it('--unfit asks the server for unfit teams only', async () => {
    const run = await runCaptured(['teams', 'list', '--unfit'], env);
    expect(run.code).toBe(0);
    expect(server.requests).toEqual(['GET /api/v1/teams?fitness=unfit&limit=100']);
    expect(run.stdout).toContain('payments');
    expect(run.stdout).toContain('ledger');
    expect(run.stdout).not.toContain('checkout');
  });

  it('--json prints all teams from all pages', async () => {
    const run = await runCaptured(['teams', 'list', '--json'], env);
    expect(JSON.parse(run.stdout).map((t: { name: string }) => t.name)).toEqual([
      'checkout',
      'payments',
      'search',
      'ledger',
      'identity',
    ]);
  });

  it('says so when no team matches', async () => {
    server.teams = [makeTeam('checkout', 6, 'ada')];
    const run = await runCaptured(['teams', 'list', '--unfit'], env);
    expect(run.stdout).toBe('No unfit teams.\n');
  });
});
