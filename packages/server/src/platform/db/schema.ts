import type { Generated } from 'kysely';

/** Row shapes of every table, as Kysely sees them. Times are ISO 8601 UTC text on both dialects. */
export interface PeopleTable {
  id: string;
  name: string;
  email: string | null;
  display_name: string;
  role: 'admin' | 'member';
  kind: 'person' | 'machine';
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  person_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Space-separated scopes, e.g. "gates:read events:write". */
  scopes: string;
}

/** Company sign-in: the person an identity provider's subject is. */
export interface ExternalIdentitiesTable {
  issuer: string;
  subject: string;
  person_id: string;
  email: string | null;
  created_at: string;
  last_sign_in_at: string;
}

/** A company sign-in in progress; taken (deleted) by the callback that finishes it. */
export interface OidcFlowsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  return_to: string;
  created_at: string;
  expires_at: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  display_name: string;
  mission: string;
  parent_id: string | null;
  leader_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  person_id: string;
  added_at: string;
}

export interface AuditEventsTable {
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface InstanceSettingsTable {
  id: number;
  signup_mode: 'open' | 'invite';
  version: number;
  /** How long a PR/FAQ decision window lasts ("72h", "30m", "5s"); null means DAYONE_DECISION_WINDOW or 72 hours. */
  decision_window?: string | null;
}

export interface InvitesTable {
  code: string;
  email: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CatalogEntitiesTable {
  id: string;
  ref_key: string;
  kind: 'Component' | 'API' | 'Resource' | 'System' | 'Domain';
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  owner_ref: string | null;
  owner_group: string | null;
  lifecycle: 'experimental' | 'production' | 'deprecated' | null;
  type: string | null;
  tier: string | null;
  tags_json: string;
  links_json: string;
  system_ref: string | null;
  domain_ref: string | null;
  definition: string | null;
  labels_json: string;
  annotations_json: string;
  content_hash: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CatalogRelationsTable {
  source_id: string;
  type: 'dependsOn' | 'providesApi' | 'consumesApi' | 'partOf';
  target_ref: string;
}

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

export interface OutboxNoticesTable {
  id: string;
  type: string;
  occurred_at: string;
  /** The owning team the notice is about (subscribers may filter on it); null when none. */
  team: string | null;
  payload_json: string;
}

export interface OutboxDeliveriesTable {
  id: string;
  notice_id: string;
  /** Which kind of subscriber delivers it ('webhook'); target_id is that subscriber's id. */
  sink: string;
  target_id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  claimed_until: string | null;
  claimed_by: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface OutboxAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  at: string;
  duration_ms: number;
  ok: number;
  status_code: number | null;
  error: string | null;
}

export interface WebhooksTable {
  id: string;
  url: string;
  format: 'json' | 'slack';
  events_json: string;
  team_id: string | null;
  team_name: string | null;
  description: string;
  secret: string;
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

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

export interface CoesTable {
  id: string;
  number: number;
  title: string;
  team: string;
  status: 'draft' | 'in_review' | 'reviewed' | 'closed';
  services_json: string;
  pulls_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoeSectionsTable {
  coe_id: string;
  name: string;
  content_json: string;
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

export interface CoeActionItemsTable {
  id: string;
  coe_id: string;
  coe_number: number;
  title: string;
  owner: string;
  team: string;
  due_date: string;
  priority: 'high' | 'medium' | 'low';
  type: 'mitigate' | 'prevent' | 'process';
  status: 'open' | 'in_progress' | 'done' | 'wont_do';
  wont_do_reason: string | null;
  link: string | null;
  created_at: string;
  closed_at: string | null;
  reminded_on: string | null;
  version: number;
}

export interface CoeReviewsTable {
  id: string;
  coe_id: string;
  reviewer: string;
  outside: number;
  at: string;
  note: string;
}

export interface CoeCommentsTable {
  id: string;
  coe_id: string;
  section: string;
  author: string;
  at: string;
  body: string;
}

export interface AttachmentsTable {
  id: string;
  /** What the file belongs to, e.g. coe + the COE's id. */
  owner_kind: string;
  owner_id: string;
  filename: string;
  /** Decided from the file's first bytes, never from what the uploader declared. */
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: string;
  created_at: string;
}

export interface CoeTagsTable {
  coe_id: string;
  tag: string;
}

export interface NotificationsTable {
  id: string;
  recipient_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

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

export interface Database {
  search_documents: SearchDocumentsTable;
  prfaqs: PrfaqsTable;
  prfaq_sections: PrfaqSectionsTable;
  prfaq_versions: PrfaqVersionsTable;
  prfaq_status_events: PrfaqStatusEventsTable;
  prfaq_rounds: PrfaqRoundsTable;
  prfaq_round_reviewers: PrfaqRoundReviewersTable;
  prfaq_comments: PrfaqCommentsTable;
  prfaq_decisions: PrfaqDecisionsTable;
  prfaq_decision_events: PrfaqDecisionEventsTable;
  attachments: AttachmentsTable;
  coe_tags: CoeTagsTable;
  notifications: NotificationsTable;
  flywheels: FlywheelsTable;
  flywheel_metrics: FlywheelMetricsTable;
  flywheel_values: FlywheelValuesTable;
  coes: CoesTable;
  coe_sections: CoeSectionsTable;
  coe_action_items: CoeActionItemsTable;
  coe_reviews: CoeReviewsTable;
  coe_comments: CoeCommentsTable;
  experiments: ExperimentsTable;
  experiment_events: ExperimentEventsTable;
  experiment_exposures: ExperimentExposuresTable;
  experiment_user_metrics: ExperimentUserMetricsTable;
  experiment_variant_stats: ExperimentVariantStatsTable;
  experiment_daily_stats: ExperimentDailyStatsTable;
  andon_pulls: AndonPullsTable;
  andon_events: AndonEventsTable;
  andon_overrides: AndonOverridesTable;
  catalog_entities: CatalogEntitiesTable;
  catalog_relations: CatalogRelationsTable;
  people: PeopleTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  external_identities: ExternalIdentitiesTable;
  oidc_flows: OidcFlowsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  audit_events: AuditEventsTable;
  instance_settings: InstanceSettingsTable;
  invites: InvitesTable;
  outbox_notices: OutboxNoticesTable;
  outbox_deliveries: OutboxDeliveriesTable;
  outbox_attempts: OutboxAttemptsTable;
  webhooks: WebhooksTable;
}

/** The search index's documents (derived from the documents themselves; rebuilt when empty). */
export interface SearchDocumentsTable {
  seq: Generated<number>;
  doc_key: string;
  type: string;
  team: string | null;
  title: string;
  body: string;
  path: string;
  updated_at: string;
}

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
