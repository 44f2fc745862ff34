/** team-read: how many GET /api/v1/teams/{name} Day One answers per second, compared with a bare node:http
 *  server sending the very same bytes. The ratio is the share of Node's raw HTTP throughput Day One keeps after
 *  routing, authentication, its database queries and serialisation. Target: at least 0.80. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendLabel, call, dropSchema, fetchExact, postgresUnavailable, pairedRatio, roundRatios as ratiosPerRound, side, startBaselines, type Backend, type Side } from './lib/dayone';
import { readBenchEnv, redactUrl, type BenchEnv } from './lib/env';
import { alternate, type LoadRun, type LoadSettings } from './lib/load';
import { formatFixed, formatInt } from './lib/stats';
import { TargetProcess } from './lib/target-process';
import type { BenchContext, Benchmark } from './lib/types';

const TARGET_RATIO = 0.8;
const TEAM = 'payments-platform';
const PEOPLE = [
  ['ada', 'Ada Lovelace'],
  ['grace', 'Grace Hopper'],
  ['alan', 'Alan Turing'],
  ['katherine', 'Katherine Johnson'],
  ['edsger', 'Edsger Dijkstra'],
  ['barbara', 'Barbara Liskov'],
  ['donald', 'Donald Knuth'],
  ['margaret', 'Margaret Hamilton'],
] as const;

interface BackendResult {
  backend: Backend;
  path: string;
  responseBytes: number;
  contentType: string;
  /** The headers Day One's answer carries besides those of the connection; the bare server sends them too. */
  answerHeaders: string[];
  bare: Side;
  /** A bare server sending the body with its content-type only. */
  bareMinimal: Side;
  dayone: Side;
  /** The median of the within-round ratios Day One / bare. */
  ratio: number;
  /** The same against the bare server without Day One's headers. */
  minimalRatio: number;
  /** Day One over bare within each round. */
  roundRatios: number[];
  targetMet: boolean;
  runs: LoadRun[];
}

/** Eight people signed up (the first through setup), a team they all belong to, led by the first. */
async function seed(base: string, adminToken: string): Promise<void> {
  const password = `bench-${randomBytes(12).toString('hex')}`;
  for (const [index, [name, displayName]] of PEOPLE.entries()) {
    const account = { email: `${name}@bench.example`, password, name, displayName };
    await call(base, 'POST', index === 0 ? '/api/v1/auth/setup' : '/api/v1/auth/signup', account);
  }
  await call(
    base,
    'POST',
    '/api/v1/teams',
    { name: TEAM, displayName: 'Payments Platform', mission: 'Take every payment our customers want to make, first time, every time.', leader: PEOPLE[0][0] },
    adminToken,
  );
  for (const [name] of PEOPLE) await call(base, 'POST', `/api/v1/teams/${TEAM}/members`, { person: name }, adminToken);
}

async function measureBackend(backend: Backend, env: BenchEnv, context: BenchContext): Promise<BackendResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dayone-bench-'));
  const adminToken = `bench_${randomBytes(24).toString('hex')}`;
  const schema = backend === 'postgres' ? `bench_${randomBytes(6).toString('hex')}` : undefined;
  const target = TargetProcess.start({ cpuProfileDir: context.cpuProfileDir && join(context.cpuProfileDir, `team-read-${backend}`) });
  try {
    const dayone = await target.startDayOne({
      dataDir,
      adminToken,
      ...(backend === 'postgres' ? { databaseUrl: env.databaseUrl, databaseSchema: schema } : {}),
    });
    context.log(`${backendLabel[backend]}: Day One at ${dayone} (target process ${target.pid}${schema ? `, schema ${schema}` : ''}); seeding`);
    await seed(dayone, adminToken);

    const path = `/api/v1/teams/${TEAM}`;
    const headers = { authorization: `Bearer ${adminToken}`, accept: 'application/json' };
    const fixture = await fetchExact(dayone + path, headers);
    const team = JSON.parse(fixture.body) as { leader: { name: string } | null; members: unknown[] };
    if (!team.leader || team.members.length !== PEOPLE.length) throw new Error(`the seeded team is not as expected: ${fixture.body}`);

    const { bare, minimal } = await startBaselines(target, path, fixture, headers);

    const settings: LoadSettings = { connections: env.connections, pipelining: 1, durationS: env.durationS, warmupS: env.warmupS, headers };
    const runs = await alternate(
      [
        { name: 'bare', url: bare + path },
        { name: 'dayone', url: dayone + path },
        { name: 'bare-minimal', url: minimal + path },
      ],
      env.rounds,
      settings,
      context.log,
    );

    // Nothing under load may have changed what is served.
    if ((await fetchExact(dayone + path, headers)).body !== fixture.body) throw new Error('Day One answered a different body after the load');

    const bareSide = side(runs.filter((r) => r.target === 'bare'));
    const dayoneSide = side(runs.filter((r) => r.target === 'dayone'));
    const minimalSide = side(runs.filter((r) => r.target === 'bare-minimal'));
    const ratio = pairedRatio(runs, 'dayone', 'bare');
    const minimalRatio = pairedRatio(runs, 'dayone', 'bare-minimal');
    const roundRatios = ratiosPerRound(runs, 'dayone', 'bare');
    return {
      backend,
      path,
      responseBytes: Buffer.byteLength(fixture.body),
      contentType: fixture.contentType,
      answerHeaders: fixture.headers.map(([name]) => name),
      bare: bareSide,
      bareMinimal: minimalSide,
      dayone: dayoneSide,
      ratio,
      minimalRatio,
      roundRatios,
      targetMet: ratio >= TARGET_RATIO,
      runs,
    };
  } finally {
    try {
      await target.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      if (schema && env.databaseUrl) await dropSchema(env.databaseUrl, schema);
    }
  }
}

const ms = (n: number) => formatFixed(n, 2);

export const run: Benchmark = async (context) => {
  const env = readBenchEnv();
  const results: BackendResult[] = [];
  const skipped: { backend: Backend; reason: string }[] = [];

  results.push(await measureBackend('sqlite', env, context));
  if (!env.databaseUrl) skipped.push({ backend: 'postgres', reason: 'BENCH_DATABASE_URL=off' });
  else {
    const reason = await postgresUnavailable(env.databaseUrl);
    if (reason) skipped.push({ backend: 'postgres', reason: `cannot connect to ${redactUrl(env.databaseUrl)}: ${reason}` });
    else results.push(await measureBackend('postgres', env, context));
  }

  const first = results[0];
  const perDatabase = Math.round(3 * env.rounds * (env.durationS + env.warmupS));
  return {
    title: 'Reading one team (GET /api/v1/teams/{name})',
    method: [
      `**What.** \`GET ${first.path}\` for a team with a leader and ${PEOPLE.length} members (${first.responseBytes} bytes of JSON), ` +
        'authenticated with the admin bearer token as an API client would be, against a **bare `node:http` server** that answers ' +
        "the byte-identical body from a prepared buffer with the same headers as Day One's answer " +
        `(${first.answerHeaders.map((h) => `\`${h}\``).join(', ')}), so both put the same answer on the wire. The bare server is the ceiling for Node ` +
        "on this machine; a second one sends the body with its `content-type` only (**bare, body only**), to show what the headers cost; **Day One / bare** is the share of it Day One keeps after routing, token lookup, the team's database " +
        `queries and serialisation. Target: **≥ ${formatFixed(TARGET_RATIO)}**.`,
      '**How.** For each database a fresh child process (`node --import tsx`) hosts Day One and the bare servers on 127.0.0.1, port 0; Day One ' +
        'starts on a new SQLite file in a temporary folder' +
        (env.databaseUrl ? `, or on a new PostgreSQL schema \`bench_<random>\` in ${redactUrl(env.databaseUrl)} that is dropped afterwards` : '') +
        '. autocannon runs in the ' +
        'benchmark process, so the load generator never shares an event loop with the server it measures. All servers get ' +
        'the same request, bearer token header included.',
      `**Load.** autocannon, ${env.connections} connections, pipelining 1; each run is ${env.warmupS} s of unmeasured warm-up ` +
        `then ${env.durationS} s measured. Rounds alternate bare, Day One, bare body only, then the reverse, … (${env.rounds} of each, ` +
        `about ${perDatabase < 90 ? `${perDatabase} s` : `${Math.round(perDatabase / 60)} min`} per database) so drifts in machine load hit both alike. ` +
        "req/s is autocannon's mean of its per-second samples; the figures shown are the median over runs, and **Day One / bare** is " +
        'the median of the ratios within each round (runs back to back). Latency is the ' +
        'median over runs of each run\'s p50 and p99 in ms, taken from the response time autocannon measures for every ' +
        "response (autocannon's own summary keeps whole milliseconds only, which shows the bare server as 0 ms; it is in " +
        'the JSON as `autocannonLatencyMs`). A run with any non-2xx response, error or timeout fails the benchmark.',
    ],
    table: {
      headers: ['Database', 'bare req/s', 'Day One req/s', `Day One / bare (≥ ${formatFixed(TARGET_RATIO)})`, 'bare, body only: req/s, Day One / it', 'bare p50 / p99', 'Day One p50 / p99', 'Target met'],
      rows: results.map((r) => [
        backendLabel[r.backend],
        formatInt(r.bare.requestsPerSecond),
        formatInt(r.dayone.requestsPerSecond),
        formatFixed(r.ratio, 3),
        `${formatInt(r.bareMinimal.requestsPerSecond)}, ${formatFixed(r.minimalRatio, 3)}`,
        `${ms(r.bare.p50Ms)} / ${ms(r.bare.p99Ms)} ms`,
        `${ms(r.dayone.p50Ms)} / ${ms(r.dayone.p99Ms)} ms`,
        r.targetMet ? 'yes' : '**no**',
      ]),
    },
    notes: [
      ...results.map(
        (r) =>
          `- ${backendLabel[r.backend]}, req/s of each run in order: bare ${r.bare.runs.map(formatInt).join(', ')}; ` +
          `Day One ${r.dayone.runs.map(formatInt).join(', ')}; bare, body only ${r.bareMinimal.runs.map(formatInt).join(', ')}; Day One / bare within each round ${r.roundRatios.map((x) => formatFixed(x, 3)).join(', ')}.`,
      ),
      ...skipped.map((s) => `- ${backendLabel[s.backend]} skipped: ${s.reason}.`),
    ],
    targetsMet: results.every((r) => r.targetMet),
    data: {
      targetRatio: TARGET_RATIO,
      settings: { connections: env.connections, pipelining: 1, durationS: env.durationS, warmupS: env.warmupS, rounds: env.rounds },
      results,
      skipped,
    },
  };
};
