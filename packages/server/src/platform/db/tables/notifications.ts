export interface NotificationsTable {
  id: string;
  recipient_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  /** The outbox notice it came from (null for a notice posted straight to the inbox). */
  notice_id: string | null;
}

export interface NotificationSubscriptionsTable {
  id: string;
  person_id: string;
  kind: 'team' | 'service' | 'prfaq' | 'coe';
  /** The team's, catalog entity's, PR/FAQ's or COE's id. */
  target_id: string;
  created_at: string;
}

export interface NotificationPreferencesTable {
  person_id: string;
  kind: string;
  inbox: number;
  webhook: number;
}

export interface NotificationSettingsTable {
  person_id: string;
  webhook_url: string | null;
  webhook_format: 'json' | 'slack';
  webhook_secret: string | null;
  version: number;
  updated_at: string;
}
