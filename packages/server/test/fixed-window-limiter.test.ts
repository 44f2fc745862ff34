import { describe, expect, it } from 'vitest';
import { createFixedWindowLimiter } from '../src/platform/http/fixed-window-limiter';

describe('the fixed-window limiter', () => {
  it('counts each key in a window that starts with its first request', () => {
    let now = 1_000;
    const limiter = createFixedWindowLimiter(60_000, () => now);
    expect(limiter.hit('a', 2)).toEqual({ count: 1, limit: 2, remaining: 1, ttlMs: 60_000, exceeded: false });
    now += 10_000;
    expect(limiter.hit('a', 2)).toEqual({ count: 2, limit: 2, remaining: 0, ttlMs: 50_000, exceeded: false });
    expect(limiter.hit('b', 2).count).toBe(1);
    // Past the limit every request still counts, and is over it.
    expect(limiter.hit('a', 2)).toMatchObject({ count: 3, remaining: 0, exceeded: true });
    expect(limiter.hit('a', 2)).toMatchObject({ count: 4, exceeded: true });
    now += 50_000;
    expect(limiter.hit('a', 2)).toEqual({ count: 1, limit: 2, remaining: 1, ttlMs: 60_000, exceeded: false });
  });

  it('counts with tryHit only what stays within the limit', () => {
    let now = 0;
    const limiter = createFixedWindowLimiter(1_000, () => now);
    expect(limiter.tryHit('a', 2)?.count).toBe(1);
    expect(limiter.tryHit('a', 2)?.count).toBe(2);
    expect(limiter.tryHit('a', 2)).toBeUndefined();
    expect(limiter.tryHit('a', 2)).toBeUndefined();
    // Refusals counted nothing: the next hit is the third.
    expect(limiter.hit('a', 2)).toMatchObject({ count: 3, exceeded: true });
    now = 1_000;
    expect(limiter.tryHit('a', 2)?.count).toBe(1);
  });

  it('keeps its memory bounded, dropping windows that have ended first', () => {
    let now = 0;
    const limiter = createFixedWindowLimiter(1_000, () => now);
    for (let i = 0; i < 30_000; i++) limiter.hit(`old-${i}`, 5);
    now = 2_000;
    for (let i = 0; i < 30_000; i++) limiter.hit(`new-${i}`, 5);
    expect(limiter.size).toBe(30_000);
    for (let i = 0; i < 30_000; i++) limiter.hit(`more-${i}`, 5);
    expect(limiter.size).toBeLessThanOrEqual(50_000);
    expect(limiter.hit('more-29999', 5).count).toBe(2);
  });
});
