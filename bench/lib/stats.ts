export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatInt = (n: number): string => (Number.isFinite(n) ? grouped.format(Math.round(n)) : 'n/a');
export const formatFixed = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
