/** How the results page writes its numbers. Effects are relative differences (0.05 = +5 %). */
const signedPercent = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const plainPercent = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('en');

export const formatEffect = (effect: number | null) => (effect === null ? '—' : signedPercent.format(effect));

export function formatInterval(ci: [number | null, number | null] | null): string {
  if (!ci) return '—';
  const side = (v: number | null, infinite: string) => (v === null ? infinite : signedPercent.format(v));
  return `${side(ci[0], '−∞')} to ${side(ci[1], '+∞')}`;
}

export function formatPValue(p: number | null): string {
  if (p === null) return '—';
  if (p < 0.0001) return '< 0.0001';
  return p.toFixed(4);
}

export const formatShare = (share: number | null) => (share === null ? '—' : plainPercent.format(share));

export const formatCount = (n: number) => count.format(n);

export function formatMean(mean: number | null, aggregation: 'sum' | 'count' | 'any' | undefined): string {
  if (mean === null) return '—';
  if (aggregation === 'any') return plainPercent.format(mean);
  return mean.toLocaleString('en', { maximumSignificantDigits: 4 });
}
