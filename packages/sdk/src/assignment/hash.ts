/** FNV-1a, 32 bits, over UTF-16 code units: the hash GrowthBook's SDKs bucket users with, so an
 *  experiment can move between the two without reshuffling anyone. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type HashVersion = 1 | 2;

/** A number in [0, 1) for a user in an experiment. Version 2 hashes twice to remove the bias of version 1. */
export function bucketHash(seed: string, value: string, version: HashVersion): number {
  if (version === 2) return (fnv1a32(String(fnv1a32(seed + value))) % 10_000) / 10_000;
  return (fnv1a32(value + seed) % 1000) / 1000;
}
