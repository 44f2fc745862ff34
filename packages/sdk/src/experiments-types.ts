import type { Experiment } from '@dayone/contracts';
import type { HashVersion } from './assignment/index';
import type { PageQuery } from './sdk-types';

export type { Experiment };

export type ExperimentStatus = Experiment['status'];
export type ExperimentDecision = 'ship' | 'kill' | 'iterate';

export interface VariantInput {
  name: string;
  /** Share of the covered traffic, 0 to 1; the weights of an experiment sum to 1. */
  weight: number;
}

export interface MetricInput {
  key: string;
  name?: string;
  /** `goal` (default) or `guardrail`. */
  role?: 'goal' | 'guardrail';
  /** How a user's events add up: `sum` of the values (default), `count` of events, or `any` (0 or 1). */
  aggregation?: 'sum' | 'count' | 'any';
  /** Default true. */
  higherIsBetter?: boolean;
  /** Analyse with CUPED from the users' pre-exposure values (events with `preExposure: true`). Default false. */
  cuped?: boolean;
}

/** POST /api/v1/experiments: a draft experiment; the server fills in the defaults noted here. */
export interface CreateExperimentInput {
  /** Lower-case letters and digits separated by `-`, `_` or `.`; also the default hashing seed. */
  key: string;
  name?: string;
  /** What you believe, what will change and how it is measured. */
  hypothesis: string;
  /** The owning team: only its members (and admins) start, stop and decide the experiment. */
  team: string;
  /** Catalog references or Component names; each must be in the catalog. */
  services?: string[];
  /** The number of the PR/FAQ the experiment tests; it must exist. */
  prfaq?: number | string;
  /** Control first, then 1 to 9 treatments. */
  variants: VariantInput[];
  /** Share of users in the experiment, 0 to 1 (default 1). */
  coverage?: number;
  metrics: MetricInput[];
  engine?: 'frequentist' | 'bayesian' | 'sequential';
  /** GrowthBook hash version (default 2). */
  hashVersion?: HashVersion;
  /** Hashing seed (default: the key). */
  seed?: string;
}

export interface ExperimentsQuery extends PageQuery {
  team?: string;
  status?: ExperimentStatus;
}

export interface DecisionInput {
  decision: ExperimentDecision;
  /** What was learned, whatever the outcome: required. */
  lesson: string;
}

/** A running experiment as GET /api/v1/sdk/experiments lists it: all an SDK needs to assign users. */
export interface SdkExperiment {
  key: string;
  variants: VariantInput[];
  coverage: number;
  seed: string;
  hashVersion: HashVersion;
}

export interface SdkExperimentsPayload {
  experiments: SdkExperiment[];
}

/** A user saw an experiment: the first exposure fixes the user's variant for the analysis. */
export interface ExposureEvent {
  type: 'exposure';
  /** Idempotency key: an id the server has recorded already is answered `duplicate` and ignored. */
  id: string;
  experiment: string;
  user: string;
  /** ISO 8601 date-time with offset; default: when the server records it. */
  timestamp?: string;
}

/** A metric value of a user; it counts only after the user's first exposure (unless it is a pre-exposure value). */
export interface MetricEvent {
  type: 'metric';
  /** Idempotency key: an id the server has recorded already is answered `duplicate` and ignored. */
  id: string;
  experiment: string;
  metric: string;
  user: string;
  /** A finite number; default 1. */
  value?: number;
  /** A value from before the user's exposure: it adds up into the user's CUPED covariate, not the metric. */
  preExposure?: boolean;
  timestamp?: string;
}

export type ExperimentEvent = ExposureEvent | MetricEvent;

/** What happened to one event of a batch. */
export interface EventResult {
  /** 1-based position of the event in the request (the array index + 1, or the NDJSON line number). */
  line: number;
  /** The event's id, or null when it had none (e.g. a line that is not JSON). */
  id: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  /** Why it was rejected. */
  reason?: string;
}

/** POST /api/v1/events: answered once the batch is durably committed. */
export interface EventBatchResult {
  accepted: number;
  duplicate: number;
  rejected: number;
  results: EventResult[];
}
