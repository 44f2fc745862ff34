import type { FlywheelReview } from '@dayone/contracts';
import { addWeeks } from './flywheel-weeks';

/** How many weeks a review shows, ending with the week under review. */
export const REVIEW_WEEKS = 6;
/** "The same week a year earlier" is 52 weeks back: the same weekday and nearly the same ISO week number. */
export const WEEKS_PER_YEAR = 52;

/** The change from `earlier` to `current` in percent of |earlier|, rounded to one decimal; null ("n/a")
 *  when either is missing or the earlier is zero. */
export function percentChange(current: number | null, earlier: number | null): number | null {
  if (current === null || earlier === null || earlier === 0) return null;
  return Math.round(((current - earlier) / Math.abs(earlier)) * 1000) / 10;
}

/** Every week a review of `week` reads: the shown weeks, the week before the first (for its week-over-week
 *  change) and the same weeks a year earlier. */
export function reviewWeeksNeeded(week: string): string[] {
  const shown = Array.from({ length: REVIEW_WEEKS + 1 }, (_, i) => addWeeks(week, i - REVIEW_WEEKS));
  return [...shown, ...shown.slice(1).map((w) => addWeeks(w, -WEEKS_PER_YEAR))];
}

/** The weekly review: each metric's last six weeks and the same weeks a year earlier, with week-over-week
 *  and year-over-year changes. */
export function buildReview(
  team: string,
  week: string,
  metrics: { key: string; name: string; unit: string; kind: 'input' | 'output' }[],
  valueOf: (metric: string, week: string) => number | null,
): FlywheelReview {
  const weeks = Array.from({ length: REVIEW_WEEKS }, (_, i) => addWeeks(week, i - REVIEW_WEEKS + 1));
  const yearAgoWeeks = weeks.map((w) => addWeeks(w, -WEEKS_PER_YEAR));
  return {
    team,
    week,
    weeks,
    yearAgoWeeks,
    metrics: metrics.map((m) => ({
      key: m.key,
      name: m.name,
      unit: m.unit,
      kind: m.kind,
      weeks: weeks.map((w, i) => {
        const value = valueOf(m.key, w);
        const yearAgoValue = valueOf(m.key, yearAgoWeeks[i]);
        return {
          week: w,
          value,
          weekOverWeek: percentChange(value, valueOf(m.key, addWeeks(w, -1))),
          yearAgoWeek: yearAgoWeeks[i],
          yearAgoValue,
          yearOverYear: percentChange(value, yearAgoValue),
        };
      }),
    })),
  };
}
