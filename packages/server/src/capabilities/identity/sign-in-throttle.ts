import { AppError } from '../../platform/errors/app-error';

const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;

interface Entry {
  failures: number;
  lockedUntil: number;
}

/** Slows repeated failed sign-ins per email and per address: after five failures each further one
 *  locks the pair for twice as long as the last (1 s, 2 s, 4 s … up to 15 minutes). */
export function createSignInThrottle(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  const keys = (email: string, ip: string) => [`e:${email}`, `i:${ip}`];

  return {
    check(email: string, ip: string): void {
      const t = now();
      for (const key of keys(email, ip)) {
        const e = entries.get(key);
        if (e && e.lockedUntil > t) {
          const seconds = Math.ceil((e.lockedUntil - t) / 1000);
          throw new AppError('TOO_MANY_REQUESTS', `Too many failed sign-ins; try again in ${seconds} s.`, {
            headers: { 'retry-after': String(seconds) },
          });
        }
      }
    },
    failed(email: string, ip: string): void {
      for (const key of keys(email, ip)) {
        const e = entries.get(key) ?? { failures: 0, lockedUntil: 0 };
        e.failures += 1;
        if (e.failures > FREE_ATTEMPTS) {
          e.lockedUntil = now() + Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (e.failures - FREE_ATTEMPTS - 1));
        }
        entries.set(key, e);
      }
      if (entries.size > 100_000) entries.clear();
    },
    succeeded(email: string, ip: string): void {
      entries.delete(`e:${email}`);
      entries.delete(`i:${ip}`);
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
