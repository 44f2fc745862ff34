import { createHash } from 'node:crypto';

/** Reproducible by default (the same cases on every run); FC_SEED=random explores new ones, FC_SEED=<n> replays a run. */
export function fuzzSeed(): number {
  const configured = process.env.FC_SEED;
  if (configured !== 'random') return Number(configured ?? 20261126);
  const seed = Math.floor(Math.random() * 2 ** 31);
  console.log(`fuzzing with FC_SEED=${seed}`);
  return seed;
}

/** One seed per endpoint and pass, so adding an endpoint leaves every other endpoint's cases as they were. */
export function seedFor(seed: number, key: string): number {
  return (seed ^ createHash('sha256').update(key).digest().readInt32BE(0)) | 0;
}
