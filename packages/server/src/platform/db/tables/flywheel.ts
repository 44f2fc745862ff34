/** A team's flywheel definition; one per team, versioned as a whole. */
export interface FlywheelsTable {
  team_id: string;
  version: number;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

/** A metric of a flywheel; next_key names the metric it drives. */
export interface FlywheelMetricsTable {
  team_id: string;
  key: string;
  position: number;
  name: string;
  unit: string;
  kind: 'input' | 'output';
  next_key: string;
}

/** One metric's value for one week (the Monday, YYYY-MM-DD). */
export interface FlywheelValuesTable {
  team_id: string;
  metric_key: string;
  week: string;
  value: number;
  updated_by: string;
  updated_at: string;
}
