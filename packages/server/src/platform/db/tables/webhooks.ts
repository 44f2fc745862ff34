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
