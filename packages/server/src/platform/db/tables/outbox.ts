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
