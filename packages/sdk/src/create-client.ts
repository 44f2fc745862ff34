import { createTransport, RawBody, withQuery, type FetchLike, type RequestFn } from './http-transport';
import { paginate } from './paginate';
import { createAndonApi, createGatesApi } from './andon-client';
import { createEventStreams } from './event-stream';
import { createEventsApi, createExperimentsApi } from './experiments-client';
import { createWebhooksApi } from './webhooks-client';
import type {
  AuditVerification,
  CreateTokenInput,
  CreatedToken,
  ImportSummary,
  Page,
  PeopleQuery,
  Person,
  Team,
  TeamDetail,
  TeamsQuery,
  TokenList,
} from './sdk-types';

export interface ClientOptions {
  /** Base URL of the Day One instance, e.g. http://localhost:4000. */
  url: string;
  /** API token (create one with `dayone token create`). Sent as a Bearer token. */
  token?: string;
  /** Replaces the global fetch (tests, proxies, custom agents). */
  fetch?: FetchLike;
}

export type DayOneClient = ReturnType<typeof createClient>;

const API = '/api/v1';

/**
 * A typed client for the Day One HTTP API.
 * Non-2xx replies throw `DayOneError`; network failures throw `DayOneUnavailableError`.
 */
export function createClient(options: ClientOptions) {
  const request: RequestFn = createTransport(options);
  const segment = (value: string) => encodeURIComponent(value);

  const teams = {
    /** One page of teams. */
    list: (query: TeamsQuery = {}) =>
      request<Page<Team>>('GET', withQuery(`${API}/teams`, { ...query })),
    /** Every team matching `query`, following `nextCursor` across pages. */
    iterate: (query: Omit<TeamsQuery, 'cursor'> = {}) =>
      paginate((cursor) => teams.list({ ...query, cursor })),
    get: (name: string) => request<TeamDetail>('GET', `${API}/teams/${segment(name)}`),
  };

  const people = {
    list: (query: PeopleQuery = {}) =>
      request<Page<Person>>('GET', withQuery(`${API}/people`, { ...query })),
    iterate: (query: Omit<PeopleQuery, 'cursor'> = {}) =>
      paginate((cursor) => people.list({ ...query, cursor })),
  };

  const tokens = {
    list: () => request<TokenList>('GET', `${API}/tokens`),
    /** Creates a token; the returned `token` secret is shown only this once. */
    create: (input: CreateTokenInput) => request<CreatedToken>('POST', `${API}/tokens`, input),
    revoke: async (id: string): Promise<void> => {
      await request<undefined>('DELETE', `${API}/tokens/${segment(id)}`);
    },
  };

  const audit = {
    /** Re-computes the audit hash chain on the server. */
    verify: () => request<AuditVerification>('GET', `${API}/audit/verify`),
  };

  const catalog = {
    /**
     * Imports Backstage descriptors (one or more catalog-info.yaml documents) sent as
     * `application/yaml`. `results[].document` is the 1-based position of each non-empty document
     * in `text`. A body that does not parse is refused whole (400 YAML_PARSE_ERROR).
     */
    importYaml: (text: string) =>
      request<ImportSummary>('POST', `${API}/catalog/import`, new RawBody(text, 'application/yaml')),
  };

  /** The andon cord (pull, list, acknowledge, resolve, override, comment) and deploy gates. */
  const andon = createAndonApi(request);
  const gates = createGatesApi(request, createEventStreams(options));

  /** Experiments (create, start, stop, decide, assign; `refresh` + `assignLocally` assign without a request per user). */
  const experiments = createExperimentsApi(request);
  /** Exposure and metric events, as a JSON array or NDJSON; see createEventBatcher for batching. */
  const events = createEventsApi(request);

  /** Webhooks of your teams: register, change, remove, read the delivery log. */
  const webhooks = createWebhooksApi(request);

  return { request, teams, people, tokens, audit, catalog, andon, gates, experiments, events, webhooks };
}

