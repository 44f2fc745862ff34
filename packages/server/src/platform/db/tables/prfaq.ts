export interface PrfaqsTable {
  id: string;
  number: number;
  title: string;
  team: string;
  author: string;
  customer: string;
  status: 'draft' | 'in_review' | 'decided' | 'building' | 'launched' | 'shelved';
  decision: 'yes' | 'no' | null;
  current_version: number;
  bet_probability: number | null;
  bet_payoff: number | null;
  bet_cost: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PrfaqSectionsTable {
  prfaq_id: string;
  name: string;
  content_json: string;
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

/** Every content version of a PR/FAQ, whole: title, customer and every section as they were. */
export interface PrfaqVersionsTable {
  prfaq_id: string;
  number: number;
  changed: string;
  title: string;
  customer: string;
  sections_json: string;
  saved_by: string;
  saved_at: string;
}

export interface PrfaqStatusEventsTable {
  id: string;
  prfaq_id: string;
  from_status: string | null;
  to_status: string;
  by_name: string;
  at: string;
  note: string;
}

export interface PrfaqRoundsTable {
  id: string;
  prfaq_id: string;
  number: number;
  doc_version: number;
  started_by: string;
  started_at: string;
  closed_at: string | null;
  word_count: number;
  reading_minutes: number;
}

export interface PrfaqRoundReviewersTable {
  round_id: string;
  person: string;
  invited_by: string;
  invited_at: string;
}

export interface PrfaqCommentsTable {
  id: string;
  round_id: string;
  parent_id: string | null;
  author: string;
  at: string;
  body: string;
  section: string | null;
  field: string | null;
  start_offset: number | null;
  end_offset: number | null;
  quote: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface PrfaqDecisionsTable {
  id: string;
  prfaq_id: string;
  door: 'two_way' | 'one_way';
  doc_version: number;
  requested_by: string;
  requested_at: string;
  window_seconds: number;
  state: 'open' | 'escalated' | 'decided';
  /** When the scheduler acts next (default yes, or escalation); null once decided. */
  due_at: string | null;
  decider: string | null;
  /** The team whose leader the decider is, so silence escalates to its parent's leader. */
  decider_team: string | null;
  outcome: 'yes' | 'no' | null;
  decided_by: string | null;
  decided_at: string | null;
  how: 'default' | 'decider' | null;
  reasons: string;
  would_change_mind: string;
  version: number;
}

export interface PrfaqDecisionEventsTable {
  id: string;
  decision_id: string;
  type: 'requested' | 'no' | 'escalated' | 'redirected' | 'decided' | 'commitment';
  at: string;
  by_name: string;
  to_name: string | null;
  reasons: string;
  would_change_mind: string;
}
