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
