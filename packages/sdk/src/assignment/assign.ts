import { bucketHash, type HashVersion } from './hash';
import { bucketRanges, chooseVariant } from './buckets';

export interface AssignableExperiment {
  key: string;
  variants: { name: string; weight: number }[];
  coverage?: number;
  seed?: string;
  hashVersion?: HashVersion;
}

export interface Assignment {
  /** null when the user falls outside the covered traffic. */
  variant: string | null;
  index: number;
  hash: number;
}

/** Deterministic assignment: the same user, experiment and settings give the same variant anywhere. */
export function assign(experiment: AssignableExperiment, userId: string): Assignment {
  const hash = bucketHash(experiment.seed || experiment.key, userId, experiment.hashVersion ?? 2);
  const ranges = bucketRanges(experiment.variants.length, experiment.coverage ?? 1, experiment.variants.map((v) => v.weight));
  const index = chooseVariant(hash, ranges);
  return { variant: index >= 0 ? experiment.variants[index].name : null, index, hash };
}
