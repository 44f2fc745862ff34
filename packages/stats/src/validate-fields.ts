import { StatsInputError } from './stats-input-error';

/** Field checks that throw StatsInputError naming the field. Inputs are `unknown` because they may come
 *  straight from a request body. */

export function requireObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StatsInputError(path, 'must be an object');
  }
  return value as Record<string, unknown>;
}

export function requireArray(value: unknown, path: string, minLength = 0): unknown[] {
  if (!Array.isArray(value)) throw new StatsInputError(path, 'must be an array');
  if (value.length < minLength) throw new StatsInputError(path, `must have at least ${minLength} entries`);
  return value;
}

export function requireFinite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new StatsInputError(path, 'must be a finite number');
  }
  return value;
}

export function requireNonNegative(value: unknown, path: string): number {
  const x = requireFinite(value, path);
  if (x < 0) throw new StatsInputError(path, 'must not be negative');
  return x;
}

export function requirePositive(value: unknown, path: string): number {
  const x = requireFinite(value, path);
  if (x <= 0) throw new StatsInputError(path, 'must be greater than 0');
  return x;
}

/** A whole number ≥ min. */
export function requireCount(value: unknown, path: string, min = 0): number {
  const x = requireFinite(value, path);
  if (!Number.isInteger(x)) throw new StatsInputError(path, 'must be a whole number');
  if (x < min) throw new StatsInputError(path, min === 0 ? 'must not be negative' : `must be at least ${min}`);
  return x;
}

/** A number strictly between 0 and `max` (default 1). */
export function requireOpenUnit(value: unknown, path: string, max = 1): number {
  const x = requireFinite(value, path);
  if (!(x > 0 && x < max)) throw new StatsInputError(path, `must be between 0 and ${max}, exclusive`);
  return x;
}

export function requireOneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new StatsInputError(path, `must be one of ${options.map((o) => `'${o}'`).join(', ')}`);
  }
  return value as T;
}

export function optional<T>(value: unknown, fallback: T, check: (v: unknown) => T): T {
  return value === undefined ? fallback : check(value);
}

/** Weights for a traffic split: finite, ≥ 0, summing to 1 within 1e-6. */
export function requireWeights(value: unknown, path: string, length?: number): number[] {
  const list = requireArray(value, path, 1);
  if (length !== undefined && list.length !== length) {
    throw new StatsInputError(path, `must have one weight per variant (${length})`);
  }
  const weights = list.map((w, i) => requireNonNegative(w, `${path}[${i}]`));
  const total = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-6) throw new StatsInputError(path, `must sum to 1 (they sum to ${total})`);
  return weights;
}
