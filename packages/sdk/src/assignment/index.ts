export { fnv1a32, bucketHash, type HashVersion } from './hash';
export { bucketRanges, chooseVariant, type Range } from './buckets';
export { assign, type AssignableExperiment, type Assignment } from './assign';
