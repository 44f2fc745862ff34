/** The demo organisation has a past: pulls resolved weeks ago, COEs whose action items are now late,
 *  experiments that ran for a fortnight. The API stamps everything with the time it happens and
 *  refuses dates before their cause (an action item due before its COE was written), so the generator
 *  plays that past forward instead: while it runs, this process's clock (`Date`) reads a moment in the
 *  past, which the generator advances step by step, and everything is written through the API as it
 *  would have been on that day. Only forward: time never runs backwards for the server.
 *
 *  The server must run in the same process as the generator (`run-demo.ts` and the tests do). */
const RealDate = Date;
let offsetMs = 0;

class DemoDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string | number | Date]));
  }
  static override now(): number {
    return RealDate.now() + offsetMs;
  }
}

export interface DemoClock {
  /** The time the clock reads now. */
  now(): Date;
  /** Moves the clock forward to `at` (an earlier time is ignored: time only moves forward). */
  set(at: Date): void;
  /** Moves the clock forward by some minutes. */
  advance(minutes: number): void;
  /** Back to the real time (forward, since the demo's past is behind it); the clock is released. */
  release(): void;
}

/** A clock installed as the process's `Date`, starting at `start` (in the past). */
export function installDemoClock(start: Date): DemoClock {
  if (globalThis.Date !== RealDate) throw new Error('a demo clock is installed already');
  offsetMs = Math.min(0, start.getTime() - RealDate.now());
  globalThis.Date = DemoDate as DateConstructor;
  const clock: DemoClock = {
    // A DemoDate is also a RealDate, so it passes `instanceof Date` both while installed and after.
    now: () => new DemoDate(RealDate.now() + offsetMs),
    set(at) {
      const wanted = Math.min(0, at.getTime() - RealDate.now());
      if (wanted > offsetMs) offsetMs = wanted;
    },
    advance: (minutes) => clock.set(new DemoDate(clock.now().getTime() + minutes * 60_000)),
    release() {
      offsetMs = 0;
      globalThis.Date = RealDate;
    },
  };
  return clock;
}

/** A clock that is the real time: for parts written in the present. */
export const realClock: DemoClock = {
  now: () => new RealDate(),
  set: () => {},
  advance: () => {},
  release: () => {},
};
