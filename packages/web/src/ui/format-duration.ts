const units = [
  { seconds: 86_400, label: 'd' },
  { seconds: 3_600, label: 'h' },
  { seconds: 60, label: 'min' },
  { seconds: 1, label: 's' },
];

/** A length of time as people say it: "45 s", "12 min 5 s", "3 h 20 min", "2 d 4 h" (the two largest units). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  let rest = Math.max(0, Math.round(seconds));
  if (rest === 0) return '0 s';
  const parts: string[] = [];
  for (const unit of units) {
    const count = Math.floor(rest / unit.seconds);
    if (count > 0 || parts.length > 0) {
      if (count > 0) parts.push(`${count} ${unit.label}`);
      rest -= count * unit.seconds;
      if (parts.length === 2 || (parts.length === 1 && count === 0)) break;
    }
  }
  return parts.join(' ');
}

/** The time since `iso`, as a duration, measured at `now` (milliseconds). */
export function formatAge(iso: string, now: number): string {
  return formatDuration((now - Date.parse(iso)) / 1000);
}

/** How long ago `iso` was, measured at `now` (milliseconds): "just now", "5 min ago". */
export function formatAgo(iso: string, now: number): string {
  const seconds = (now - Date.parse(iso)) / 1000;
  return seconds < 10 ? 'just now' : `${formatDuration(seconds)} ago`;
}
