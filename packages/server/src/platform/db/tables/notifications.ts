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
