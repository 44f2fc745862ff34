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
