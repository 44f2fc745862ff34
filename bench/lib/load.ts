import autocannon from 'autocannon';

export interface LoadSettings {
  connections: number;
  pipelining: number;
  /** Seconds of measured load per run. */
  durationS: number;
  /** Seconds of unmeasured load right before each run. */
  warmupS: number;
  headers: Record<string, string>;
  /** Seconds autocannon waits for one response before counting a timeout (its default: 10). */
  timeoutS?: number;
}

export interface LoadRun {
  target: string;
  round: number;
  requestsPerSecond: number;
  requests: number;
  durationS: number;
  /** Milliseconds, from the response time autocannon measured for every single response (see percentile()). */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p99_9: number; max: number };
  /** autocannon's own summary of the same timings; its histogram keeps whole milliseconds only. */
  autocannonLatencyMs: { mean: number; p50: number; p90: number; p99: number; p99_9: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface LoadTarget {
  /** Short name used in results ("bare", "dayone"). */
  name: string;
  url: string;
  /** When given, a fresh path (with its query) for every request, such as a randomly chosen entity; the
   *  url then only names the server (and the first request). */
  path?: () => string;
}

async function hammer(target: LoadTarget, settings: LoadSettings, seconds: number, timings?: number[]): Promise<autocannon.Result> {
  const nextPath = target.path;
  const instance = autocannon({
    url: target.url,
    connections: settings.connections,
    pipelining: settings.pipelining,
    duration: seconds,
    headers: settings.headers,
    ...(settings.timeoutS ? { timeout: settings.timeoutS } : {}),
    ...(nextPath
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.RequestSpec) => {
                request.path = nextPath();
                return request;
              },
            },
          ],
        }
      : {}),
  });
  if (timings) instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => timings.push(responseTimeMs));
  return instance;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** autocannon's summary histogram records whole milliseconds, so a server that answers in 0.3 ms shows as
 *  0 ms. Percentiles here come from the same per-response times autocannon measured, without the rounding. */
function summarise(timings: number[]): LoadRun['latencyMs'] {
  const sorted = Float64Array.from(timings).sort();
  const sum = timings.reduce((a, b) => a + b, 0);
  return {
    mean: round3(sum / sorted.length),
    p50: round3(percentile(sorted, 50)),
    p90: round3(percentile(sorted, 90)),
    p99: round3(percentile(sorted, 99)),
    p99_9: round3(percentile(sorted, 99.9)),
    max: round3(sorted[sorted.length - 1]),
  };
}

/** A run only counts when every response was a 2xx: a fast stream of 401s or 404s says nothing. */
function assertClean(what: string, result: autocannon.Result) {
  if (result.errors || result.timeouts || result.non2xx || result.requests.total === 0) {
    const codes = Object.entries(result.statusCodeStats)
      .map(([code, { count }]) => `${code}×${count}`)
      .join(', ');
    throw new Error(
      `${what}: ${result.requests.total} responses, ${result.non2xx} not 2xx (${codes || 'none'}), ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
}

export async function measure(target: LoadTarget, round: number, settings: LoadSettings): Promise<LoadRun> {
  if (settings.warmupS > 0) assertClean(`warm-up of ${target.name}`, await hammer(target, settings, settings.warmupS));
  const timings: number[] = [];
  const result = await hammer(target, settings, settings.durationS, timings);
  assertClean(`run ${round} of ${target.name}`, result);
  const l = result.latency;
  return {
    target: target.name,
    round,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    durationS: result.duration,
    latencyMs: summarise(timings),
    autocannonLatencyMs: { mean: l.mean, p50: l.p50, p90: l.p90, p99: l.p99, p99_9: l.p99_9, max: l.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Loads the targets one at a time, `rounds` times, in the given order in odd rounds and the reverse in
 *  even ones (A B, B A, A B, …), so slow drifts in how busy the machine is fall on all of them alike and
 *  no target always runs right after the same one. `settle`, when given, runs after every run: for slow
 *  requests, autocannon stops while the server still works through the last ones, and the next run must
 *  not start behind them. */
export async function alternate(
  targets: LoadTarget[],
  rounds: number,
  settings: LoadSettings,
  log: (line: string) => void,
  settle?: () => Promise<void>,
): Promise<LoadRun[]> {
  const runs: LoadRun[] = [];
  const width = Math.max(6, ...targets.map((t) => t.name.length));
  for (let round = 1; round <= rounds; round++) {
    for (const target of round % 2 === 1 ? targets : [...targets].reverse()) {
      const run = await measure(target, round, settings);
      log(`  round ${round}/${rounds} ${target.name.padEnd(width)}${settings.connections === 1 ? ' (1 connection)' : ''} ${Math.round(run.requestsPerSecond).toString().padStart(7)} req/s  p50 ${run.latencyMs.p50} ms  p99 ${run.latencyMs.p99} ms`);
      runs.push(run);
      await settle?.();
    }
  }
  return runs;
}
