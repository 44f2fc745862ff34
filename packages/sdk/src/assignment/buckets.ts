export type Range = [number, number];

/** Each variant's slice of [0, 1): slices follow the weights, each shrunk to `coverage` of its width,
 *  so raising coverage later only adds users and never moves one already in. Weights that do not sum
 *  to 1 (within 0.01) fall back to equal weights, as GrowthBook does. */
export function bucketRanges(variants: number, coverage = 1, weights?: number[]): Range[] {
  const cover = Math.min(1, Math.max(0, coverage));
  let w = weights && weights.length === variants ? weights : Array<number>(variants).fill(1 / variants);
  const total = w.reduce((a, b) => a + b, 0);
  if (total < 0.99 || total > 1.01) w = Array<number>(variants).fill(1 / variants);
  let start = 0;
  return w.map((weight) => {
    const range: Range = [start, start + cover * weight];
    start += weight;
    return range;
  });
}

/** The variant whose range holds the hash, or -1 when the user is outside the covered traffic. */
export function chooseVariant(hash: number, ranges: Range[]): number {
  return ranges.findIndex(([from, to]) => hash >= from && hash < to);
}
