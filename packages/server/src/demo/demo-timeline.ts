import type { DemoClock } from './demo-clock';

/** The demo's year, as a list of things that happen at given moments. Each part of the generator
 *  plans its happenings (a pull, its acknowledgement an hour later, the COE the next day…); playing the
 *  timeline moves the clock to each moment in turn and does what happens then, through the API.
 *  A happening may plan more happenings (the action items of a COE that was only just written). */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

interface Happening {
  at: number;
  order: number;
  label: string;
  run: () => Promise<void>;
}

export class DemoTimeline {
  private readonly pending: Happening[] = [];
  private counter = 0;
  private played = 0;

  constructor(
    /** The first moment of the demo's past. */
    readonly start: number,
    /** The last moment of it: just before the generator started. */
    readonly end: number,
  ) {}

  /** Plans `run` at `at` (ms since the epoch). The future does not happen: a moment after the end is
   *  left out, and the answer is false. */
  at(at: number, label: string, run: () => Promise<void>): boolean {
    if (at > this.end) return false;
    this.pending.push({ at: Math.round(at), order: this.counter++, label, run });
    return true;
  }

  /** Plays every happening in time order (equal times in the order they were planned). */
  async play(clock: DemoClock, progress?: (done: number, label: string) => void): Promise<void> {
    while (this.pending.length > 0) {
      let next = 0;
      for (let i = 1; i < this.pending.length; i++) {
        const a = this.pending[i];
        const b = this.pending[next];
        if (a.at < b.at || (a.at === b.at && a.order < b.order)) next = i;
      }
      const [happening] = this.pending.splice(next, 1);
      clock.set(new Date(happening.at));
      try {
        await happening.run();
      } catch (error) {
        throw new Error(`demo: "${happening.label}" failed: ${(error as Error).message}`, { cause: error });
      }
      this.played++;
      progress?.(this.played, happening.label);
    }
  }
}

/** The Monday (00:00 UTC) of the ISO week holding `ms`. */
export function mondayOf(ms: number): number {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
}

/** `YYYY-MM-DD` of a moment, in UTC. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A moment during working hours (09:00–17:00 UTC) of the day holding `ms`, moved off weekends. */
export function workingMoment(ms: number, minuteOfDay: number): number {
  const d = new Date(ms);
  const weekday = d.getUTCDay();
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + shift) + (9 * 60 + (minuteOfDay % (8 * 60))) * MINUTE;
}
