const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A value as the page shows it, with its unit. */
export const formatValue = (value: number | null, unit = '') => (value === null ? '–' : `${number.format(value)}${unit ? ` ${unit}` : ''}`);

/** A change in percent as the server computed it (one decimal), or n/a when it has none. */
export const formatChange = (change: number | null) => (change === null ? 'n/a' : `${change > 0 ? '+' : ''}${change.toFixed(1)}%`);

/** The Monday `weeks` weeks after (or before) a Monday, as YYYY-MM-DD. */
export function shiftWeek(monday: string, weeks: number): string {
  const d = new Date(`${monday}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the current week (UTC). */
export function thisMonday(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
