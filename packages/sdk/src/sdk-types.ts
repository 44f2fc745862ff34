import type { ApiToken, AuditVerification, ImportSummary, Person, Team, TeamDetail, TokenScope } from '@dayone/contracts';

export type { ApiToken, AuditVerification, ImportSummary, Person, Team, TeamDetail, TokenScope };

/** What happened to one document of an import. */
export type ImportOutcome = ImportSummary['results'][number];

/** One page of a cursor-paginated list; pass `nextCursor` back as `cursor` for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export interface TeamsQuery extends PageQuery {
  /** Free-text search on name and display name. */
  q?: string;
  /** Only the direct children of this team. */
  parent?: string;
  /** `unfit` keeps only teams with fitness findings. */
  fitness?: 'all' | 'unfit';
}

export interface PeopleQuery extends PageQuery {
  q?: string;
}

export interface CreateTokenInput {
  name: string;
  /** ISO 8601 date-time with offset, e.g. 2030-01-01T00:00:00Z. */
  expiresAt?: string;
  /** What the token may do; the server's default is read and write. */
  scopes?: TokenScope[];
}

/** A newly created token: `token` is the secret, returned only this once. */
export type CreatedToken = ApiToken & { token: string };

export interface TokenList {
  items: ApiToken[];
}
