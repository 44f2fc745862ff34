/** One key's standing in its current window. */
export interface WindowCount {
  /** Requests counted in this window, the current one included. */
  count: number;
  limit: number;
  /** max(0, limit - count). */
  remaining: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
  exceeded: boolean;
}

interface Window {
  count: number;
  startedAt: number;
}

/** Above this many keys, windows that have ended are dropped; if that is not enough, the oldest go. */
const SWEEP_AT = 50_000;

/** Fixed-window request counting per key: a key's window starts with its first request and lasts
 *  `windowMs`; every request in it counts, those past the limit included. In memory, one instance. */
export function createFixedWindowLimiter(windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, Window>();

  function sweep(at: number) {
    for (const [key, w] of windows) if (w.startedAt + windowMs <= at) windows.delete(key);
    if (windows.size < SWEEP_AT) return;
    let excess = windows.size - SWEEP_AT / 2;
    for (const key of windows.keys()) {
      if (excess-- <= 0) break;
      windows.delete(key);
    }
  }

  const standing = (w: Window, limit: number, at: number): WindowCount => ({
    count: w.count,
    limit,
    remaining: Math.max(0, limit - w.count),
    ttlMs: windowMs - (at - w.startedAt),
    exceeded: w.count > limit,
  });

  /** The key's live window, or a fresh one (not yet stored). */
  function current(key: string, at: number): Window {
    const w = windows.get(key);
    if (w && w.startedAt + windowMs > at) return w;
    if (windows.size >= SWEEP_AT) sweep(at);
    const fresh = { count: 0, startedAt: at };
    windows.set(key, fresh);
    return fresh;
  }

  return {
    windowMs,
    /** Counts one request against `key` and says where it stands (exceeded when it is over `limit`). */
    hit(key: string, limit: number): WindowCount {
      const at = now();
      const w = current(key, at);
      w.count++;
      return standing(w, limit, at);
    },
    /** Counts one request only if it stays within `limit`; undefined (and nothing counted) otherwise. */
    tryHit(key: string, limit: number): WindowCount | undefined {
      const at = now();
      const w = current(key, at);
      if (w.count >= limit) return undefined;
      w.count++;
      return standing(w, limit, at);
    },
    get size() {
      return windows.size;
    },
  };
}
export type FixedWindowLimiter = ReturnType<typeof createFixedWindowLimiter>;
