export { createClient, type ClientOptions, type DayOneClient } from './create-client';
export { DayOneError, DayOneUnavailableError, type FieldError } from './dayone-error';
export { withQuery, type FetchLike, type QueryValue, type RequestFn } from './http-transport';
export { paginate, collect } from './paginate';
export type {
  ApiToken,
  AuditVerification,
  CreateTokenInput,
  CreatedToken,
  Page,
  PageQuery,
  PeopleQuery,
  Person,
  Team,
  TeamDetail,
  TeamsQuery,
  TokenList,
} from './sdk-types';
