/** Weeks are named by the Monday that starts them (ISO 8601 weeks), as YYYY-MM-DD in UTC. */
const DAY_MS = 86_400_000;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const parse = (date: string): Date | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date ? null : d;
};

const format = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday of the week holding this moment (UTC). */
export function mondayOf(at: Date): string {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const back = (new Date(midnight).getUTCDay() + 6) % 7;
  return format(new Date(midnight - back * DAY_MS));
}

/** The week `weeks` weeks after (or, negative, before) the given Monday. */
export function addWeeks(monday: string, weeks: number): string {
  return format(new Date(parse(monday)!.getTime() + weeks * 7 * DAY_MS));
}

/** Why a text is not a week's Monday, or null when it is one. */
export function weekProblem(text: string): string | null {
  const d = parse(text);
  if (!d) return `"${text.slice(0, 40)}" is not a date YYYY-MM-DD`;
  if (d.getUTCDay() !== 1) return `${text} is a ${DAYS[d.getUTCDay()]}; weeks start on Monday (${mondayOf(d)})`;
  return null;
}

/** Whole weeks from one Monday to another. */
export const weeksBetween = (from: string, to: string) => Math.round((parse(to)!.getTime() - parse(from)!.getTime()) / (7 * DAY_MS));
