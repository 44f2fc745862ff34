export interface ExperimentsTable {
  id: string;
  key: string;
  name: string;
  hypothesis: string;
  team: string;
  services_json: string;
  prfaq: string | null;
  variants_json: string;
  coverage: number;
  metrics_json: string;
  engine: 'frequentist' | 'bayesian' | 'sequential';
  hash_version: number;
  seed: string;
  status: 'draft' | 'running' | 'stopped' | 'decided';
  started_at: string | null;
  stopped_at: string | null;
  decision: 'ship' | 'kill' | 'iterate' | null;
  lesson: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string;
  created_at: string;
  version: number;
}

export interface ExperimentEventsTable {
  id: string;
  experiment_key: string;
  type: 'exposure' | 'metric';
  metric: string | null;
  user_id: string;
  value: number | null;
  at: string;
}

export interface ExperimentExposuresTable {
  experiment_key: string;
  user_id: string;
  variant: number;
  first_at: string;
}

export interface ExperimentUserMetricsTable {
  experiment_key: string;
  metric: string;
  user_id: string;
  value: number;
  events: number;
  /** The user's pre-exposure value of the metric (CUPED's covariate), aggregated like the metric. */
  covariate: number;
  covariate_events: number;
}

/** n, Σy, Σy² and, for CUPED, Σx, Σx², Σxy over a variant's exposed users. */
export interface ExperimentVariantStatsTable {
  experiment_key: string;
  metric: string;
  variant: number;
  users: number;
  sum: number;
  sum_squares: number;
  covariate_sum: number;
  covariate_sum_squares: number;
  sum_products: number;
}

/** The same sums over the users first exposed on one day (YYYY-MM-DD, UTC). */
export interface ExperimentDailyStatsTable {
  experiment_key: string;
  metric: string;
  variant: number;
  day: string;
  users: number;
  sum: number;
  sum_squares: number;
  covariate_sum: number;
  covariate_sum_squares: number;
  sum_products: number;
}
