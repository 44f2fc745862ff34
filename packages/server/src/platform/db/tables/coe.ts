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

export interface CoeTagsTable {
  coe_id: string;
  tag: string;
}
