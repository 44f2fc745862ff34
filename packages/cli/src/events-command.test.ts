import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from './cli-context';
import { runCaptured } from './capture-context';
import { closedPort, FAKE_TOKEN, startFakeDayOne, type FakeDayOne } from './fake-dayone-server';

let server: FakeDayOne;
let env: Record<string, string>;
let dir: string;
let sleeps: number[];
/** Records the waits between retries instead of waiting. */
let sleep: (ms: number) => Promise<void>;

beforeEach(async () => {
  server = await startFakeDayOne();
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: FAKE_TOKEN };
  dir = await mkdtemp(join(tmpdir(), 'dayone-events-'));
  sleeps = [];
  sleep = async (ms) => void sleeps.push(ms);
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const exposure = (id: string, user: string) => JSON.stringify({ type: 'exposure', id, experiment: 'checkout-button', user });
const metric = (id: string, user: string, name: string, value: number) =>
  JSON.stringify({ type: 'metric', id, experiment: 'checkout-button', metric: name, user, value });

async function ndjson(name: string, lines: string[], ending = '\n'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, lines.join(ending) + ending);
  return file;
}

/** The ids (or the raw text) of each events request, one list per request. */
const sent = (fake: FakeDayOne) =>
  fake.eventRequests.map(({ body }) =>
    body
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        try {
          return (JSON.parse(line) as { id: string }).id;
        } catch {
          return line;
        }
      }),
  );

const events = (count: number, prefix = 'e') => Array.from({ length: count }, (_, i) => exposure(`${prefix}${i + 1}`, `u${i + 1}`));

describe('dayone events send', () => {
  beforeEach(() => {
    server.eventVerdict = (event) => (event.metric === 'nope' ? 'metric: checkout-button has no metric "nope"' : undefined);
  });

  const sample = [
    exposure('e1', 'u1'),
    metric('m1', 'u1', 'revenue', 30),
    '',
    'not json',
    exposure('e2', 'u2'),
    metric('m2', 'u2', 'nope', 1),
    exposure('e1', 'u1'), // the same id again: a duplicate
    metric('m3', 'u2', 'revenue', 12.5),
  ];

  it('sends the non-blank lines as NDJSON in batches of --batch-size and reports rejected lines by file line', async () => {
    const file = await ndjson('events.ndjson', sample);
    const run = await runCaptured(['events', 'send', file, '--batch-size', '3'], env);
    expect(run.stdout).toBe(
      `7 events from ${file} in 3 requests: 4 accepted, 1 duplicate, 2 rejected\n` +
        `${file}:4 - is not valid JSON\n` +
        `${file}:6 m2 metric: checkout-button has no metric "nope"\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(sent(server)).toEqual([['e1', 'm1', 'not json'], ['e2', 'm2', 'e1'], ['m3']]);
    expect(server.eventRequests.every((request) => request.contentType === 'application/x-ndjson')).toBe(true);
    expect(server.requests).toEqual(Array(3).fill('POST /api/v1/events'));
  });

  it('prints the totals and every rejected line with --json', async () => {
    const file = await ndjson('events.ndjson', sample);
    const run = await runCaptured(['events', 'send', file, '--batch-size', '3', '--json'], env);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      file,
      events: 7,
      requests: 3,
      accepted: 4,
      duplicate: 1,
      rejected: 2,
      rejectedLines: [
        { line: 4, id: null, reason: 'is not valid JSON' },
        { line: 6, id: 'm2', reason: 'metric: checkout-button has no metric "nope"' },
      ],
    });
  });

  it('exits 0 when nothing is rejected, also when sending the same file again (all duplicate)', async () => {
    const file = await ndjson('good.ndjson', [exposure('e1', 'u1'), metric('m1', 'u1', 'revenue', 3)]);
    const first = await runCaptured(['events', 'send', file], env);
    expect(first).toEqual({ code: 0, stdout: `2 events from ${file} in 1 request: 2 accepted, 0 duplicate, 0 rejected\n`, stderr: '' });
    const again = await runCaptured(['events', 'send', file], env);
    expect(again).toEqual({ code: 0, stdout: `2 events from ${file} in 1 request: 0 accepted, 2 duplicate, 0 rejected\n`, stderr: '' });
  });

  it('numbers lines ending in \\r\\n or a lone \\r as readline does', async () => {
    const file = join(dir, 'windows.ndjson');
    await writeFile(file, `${exposure('e1', 'u1')}\r\n\r\nbroken\r${exposure('e2', 'u2')}\r\n`);
    const { code, stdout } = await runCaptured(['events', 'send', file, '--json'], env);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ events: 3, accepted: 2, rejectedLines: [{ line: 3, id: null, reason: 'is not valid JSON' }] });
  });

  it('sends 5000 lines per request by default', async () => {
    const file = await ndjson('many.ndjson', events(12_000));
    const { code, stdout } = await runCaptured(['events', 'send', file, '--json'], env);
    expect(code).toBe(0);
    expect(sent(server).map((request) => request.length)).toEqual([5000, 5000, 2000]);
    expect(JSON.parse(stdout)).toMatchObject({ events: 12_000, requests: 3, accepted: 12_000, rejected: 0 });
  });

  it('lists the first 50 rejected lines and counts the others; --json lists them all', async () => {
    const file = await ndjson('bad.ndjson', Array.from({ length: 53 }, (_, i) => `bad ${i + 1}`));
    const run = await runCaptured(['events', 'send', file], env);
    expect(run.code).toBe(1);
    const out = run.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(52);
    expect(out[0]).toBe(`53 events from ${file} in 1 request: 0 accepted, 0 duplicate, 53 rejected`);
    expect(out[50]).toBe(`${file}:50 - is not valid JSON`);
    expect(out[51]).toBe('… and 3 more rejected lines (--json lists them all)');
    const json = await runCaptured(['events', 'send', file, '--json'], env);
    expect(JSON.parse(json.stdout).rejectedLines).toHaveLength(53);
  });

  it('sends nothing and exits 0 for a file without events', async () => {
    const file = await ndjson('empty.ndjson', ['', '   ']);
    const run = await runCaptured(['events', 'send', file], env);
    expect(run).toEqual({ code: 0, stdout: `0 events from ${file} in 0 requests: 0 accepted, 0 duplicate, 0 rejected\n`, stderr: '' });
    expect(server.requests).toEqual([]);
  });

  it('sends a batch again after a dropped connection or a 503, waiting longer each time', async () => {
    server.eventFailure = (n) => (n === 2 ? 'reset' : n === 3 ? 503 : undefined);
    const file = await ndjson('events.ndjson', events(5));
    const run = await runCaptured(['events', 'send', file, '--batch-size', '2'], env, { sleep });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`5 events from ${file} in 3 requests: 5 accepted, 0 duplicate, 0 rejected\n`);
    expect(sleeps).toEqual([500, 1000]);
    const warnings = run.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^warning: lines 3-4: cannot reach Day One at http:\/\/127\.0\.0\.1:\d+\/api\/v1\/events: .+; trying again in 500ms \(attempt 2 of 5\)$/);
    expect(warnings[1]).toBe('warning: lines 3-4: Something went wrong. (UNAVAILABLE, HTTP 503); trying again in 1s (attempt 3 of 5)');
    expect(sent(server)).toEqual([['e1', 'e2'], ['e3', 'e4'], ['e3', 'e4'], ['e3', 'e4'], ['e5']]);
  });

  it('exits 2 when the server stays unreachable, saying which lines were sent and answered', async () => {
    server.eventFailure = (n) => (n >= 2 ? 'reset' : undefined);
    const file = await ndjson('events.ndjson', [...events(3), '', ...events(4, 'x')]);
    const run = await runCaptured(['events', 'send', file, '--batch-size', '3'], env, { sleep });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(sleeps).toEqual([500, 1000, 2000, 4000]);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 4).every((line) => line.startsWith('warning: lines 5-7: cannot reach Day One'))).toBe(true);
    expect(lines[4]).toMatch(/^error: cannot reach Day One at http:\/\/127\.0\.0\.1:\d+\/api\/v1\/events: /);
    expect(lines.slice(5)).toEqual([
      'hint: is the server running (`dayone serve`)? Point --url or DAYONE_URL at it.',
      `note: lines 1-4 of ${file} were sent and answered: 3 accepted, 0 duplicate, 0 rejected.`,
      'note: lines 5-7 were sent 5 times without an answer: the server may or may not have recorded them.',
      'note: the lines after line 7 were not sent.',
      `note: sending ${file} again is safe: events recorded already come back as duplicate.`,
    ]);
    expect(sent(server)).toHaveLength(6);
  });

  it('exits 2 without a server, after --retries tries again', async () => {
    const file = await ndjson('events.ndjson', events(2));
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCaptured(['events', 'send', file, '--url', url, '--token', 't', '--retries', '1'], {}, { sleep });
    expect(run.code).toBe(2);
    expect(sleeps).toEqual([500]);
    expect(run.stderr).toContain(`error: cannot reach Day One at ${url}/api/v1/events`);
    expect(run.stderr).toContain('note: lines 1-2 were sent 2 times without an answer: the server may or may not have recorded them.\n');
    expect(run.stderr).not.toContain('were sent and answered');
    expect(run.stderr).not.toContain('were not sent');
  });

  it('exits 1 on a refusal without trying again (a bad token)', async () => {
    const file = await ndjson('events.ndjson', events(2));
    const run = await runCaptured(['events', 'send', file, '--batch-size', '1'], { ...env, DAYONE_TOKEN: 'wrong' }, { sleep });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: Sign in or send a valid API token. (AUTH_REQUIRED, HTTP 401)\n' +
        'hint: pass an API token with --token or DAYONE_TOKEN.\n' +
        'note: the server refused the request with line 1: none of them was recorded.\n' +
        'note: the lines after line 1 were not sent.\n' +
        `note: sending ${file} again is safe: events recorded already come back as duplicate.\n`,
    );
    expect(sleeps).toEqual([]);
    expect(server.requests).toEqual(['POST /api/v1/events']);
  });

  it('halves a batch the server finds too large, and rejects a line too large on its own', async () => {
    const huge = JSON.stringify({ type: 'exposure', id: 'huge', experiment: 'checkout-button', user: 'x'.repeat(2000) });
    const file = await ndjson('events.ndjson', [exposure('e1', 'u1'), huge, exposure('e2', 'u2'), exposure('e3', 'u3')]);
    server.bodyLimit = 1000;
    const { code, stdout } = await runCaptured(['events', 'send', file, '--json'], env);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      accepted: 3,
      rejected: 1,
      rejectedLines: [{ line: 2, id: null, reason: 'too large for one request to the server (The request body is too large)' }],
    });
    expect(sent(server).filter((_, i) => server.eventRequests[i].body.length <= 1000)).toEqual([['e1'], ['e2', 'e3']]);
  });

  it('exits 2 on misuse: a missing file, a folder, a bad --batch-size or --retries', async () => {
    const missing = await runCaptured(['events', 'send', join(dir, 'nope.ndjson')], env);
    expect(missing).toMatchObject({ code: 2, stderr: `error: no such file: ${join(dir, 'nope.ndjson')}\n` });
    const folder = await runCaptured(['events', 'send', dir], env);
    expect(folder).toMatchObject({ code: 2, stderr: `error: ${dir} is a folder; expected an NDJSON file\n` });
    const file = await ndjson('events.ndjson', events(1));
    for (const size of ['0', '50001', '2.5', 'ten']) {
      const bad = await runCaptured(['events', 'send', file, '--batch-size', size], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('expected a whole number of lines from 1 to 50000');
    }
    const retries = await runCaptured(['events', 'send', file, '--retries', '-1'], env);
    expect(retries.code).toBe(2);
    expect(server.requests).toEqual([]);
  });

  it('draws progress over the file lines through ctx.startProgress, and writes warnings through it', async () => {
    server.eventFailure = (n) => (n === 2 ? 503 : undefined);
    const file = await ndjson('events.ndjson', [...events(3), '', ...events(2, 'x'), '']);
    const log: string[] = [];
    const startProgress = (total: number, unit: string): Progress => {
      log.push(`start ${total} ${unit}`);
      return {
        update: (done) => void log.push(`update ${done}`),
        log: (text) => void log.push(`log ${text}`),
        stop: () => void log.push('stop'),
      };
    };
    const run = await runCaptured(['events', 'send', file, '--batch-size', '2'], env, { startProgress, sleep });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(log).toEqual([
      'start 7 lines',
      'update 2',
      'log warning: lines 3-5: Something went wrong. (UNAVAILABLE, HTTP 503); trying again in 500ms (attempt 2 of 5)\n',
      'update 5',
      'update 6',
      'stop',
    ]);
  });
});
