import { describe, expect, it } from 'vitest';
import { benchEngine } from './bench-engine';

describe('benchEngine', () => {
  it('returns a positive, finite rate of analyses per second', () => {
    const rate = benchEngine(5_000);
    expect(Number.isFinite(rate)).toBe(true);
    expect(rate).toBeGreaterThan(0);
  });
});
