/** What bench/run.ts hands every benchmark, and what a benchmark hands back. */

export interface BenchContext {
  /** Progress lines for the console (results are printed by the runner). */
  log(message: string): void;
  /** Where to write CPU profiles of the process under load, when asked for (BENCH_CPU_PROF). */
  cpuProfileDir?: string;
}

export interface Table {
  headers: string[];
  rows: string[][];
}

export interface BenchReport {
  /** File stem: team-read for team-read.bench.ts; names the docs section and bench/results/<id>.json. */
  id: string;
  title: string;
  /** Markdown paragraphs or list blocks describing how it was measured. */
  method: string[];
  table: Table;
  /** Markdown lines under the table (per-run numbers, skipped rows, caveats). */
  notes: string[];
  /** Whether every target this benchmark checks was met (undefined: it has no target). */
  targetsMet?: boolean;
  /** Everything measured, for bench/results/<id>.json. */
  data: unknown;
}

/** A benchmark file (bench/<id>.bench.ts) exports this as `run`. */
export type Benchmark = (context: BenchContext) => Promise<Omit<BenchReport, 'id'>>;
