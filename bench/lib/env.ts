/** Knobs for shorter or longer runs, read from the environment (see docs/benchmarks.md). */

function number(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return value;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchEnv {
  durationS: number;
  warmupS: number;
  rounds: number;
  connections: number;
  /** undefined: PostgreSQL rows are skipped (BENCH_DATABASE_URL=off). */
  databaseUrl?: string;
}

export function readBenchEnv(): BenchEnv {
  const db = process.env.BENCH_DATABASE_URL;
  return {
    durationS: number('BENCH_DURATION', 10, 1),
    warmupS: number('BENCH_WARMUP', 2, 0),
    rounds: Math.round(number('BENCH_ROUNDS', 3, 1)),
    connections: Math.round(number('BENCH_CONNECTIONS', 10, 1)),
    databaseUrl: db === 'off' ? undefined : db || DEFAULT_DATABASE_URL,
  };
}

/** A connection string fit to print: the password is left out. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
