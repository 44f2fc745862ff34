export interface AndonPullsTable {
  id: string;
  number: number;
  target_kind: 'service' | 'system' | 'team' | 'organisation';
  target_name: string | null;
  target_ref: string | null;
  environment: string | null;
  severity: number;
  reason: string;
  status: 'active' | 'acknowledged' | 'resolved';
  owner_team: string | null;
  pulled_by: string;
  pulled_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution: string | null;
  version: number;
  coe_number: number | null;
}

export interface AndonEventsTable {
  id: string;
  pull_id: string;
  at: string;
  actor: string;
  type: 'pulled' | 'acknowledged' | 'comment' | 'override' | 'resolved';
  body: string | null;
}

export interface AndonOverridesTable {
  id: string;
  pull_id: string;
  reason: string;
  created_by: string;
  created_at: string;
  expires_at: string;
}
