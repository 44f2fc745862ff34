import type { AndonPull, AndonPullDetail, CreatePullInput, Gate, GateQuery, OverrideInput, PullsQuery } from './andon-types';
import type { EventStreamOptions, ServerSentEvent } from './event-stream';
import { withQuery, type RequestFn } from './http-transport';
import { paginate } from './paginate';
import type { Page } from './sdk-types';

const API = '/api/v1';
const segment = (value: string) => encodeURIComponent(value);

/** The andon cord: pull it on a service, system, team or the organisation; the owning team releases it. */
export function createAndonApi(request: RequestFn) {
  const andon = {
    /** Pulls the cord (anyone signed in); deploys the target covers stop at their gates at once. */
    pull: (input: CreatePullInput) => request<AndonPull>('POST', `${API}/andon/pulls`, input),
    /** One page of pulls, newest first; `status` defaults to `open`. */
    list: (query: PullsQuery = {}) => request<Page<AndonPull>>('GET', withQuery(`${API}/andon/pulls`, { ...query })),
    /** Every pull matching `query`, following `nextCursor` across pages. */
    iterate: (query: Omit<PullsQuery, 'cursor'> = {}) => paginate((cursor) => andon.list({ ...query, cursor })),
    /** One pull with its timeline. */
    get: (id: string) => request<AndonPullDetail>('GET', `${API}/andon/pulls/${segment(id)}`),
    /** Owning team or admins; 409 ANDON_PULL_NOT_ACTIVE when it is acknowledged or resolved already. */
    acknowledge: (id: string) => request<AndonPull>('POST', `${API}/andon/pulls/${segment(id)}/acknowledge`, {}),
    /** Owning team or admins; the gates it closed open again. 409 ANDON_PULL_ALREADY_RESOLVED the second time. */
    resolve: (id: string, note: string) => request<AndonPull>('POST', `${API}/andon/pulls/${segment(id)}/resolve`, { note }),
    /** Owning team or admins: lets deploys through despite the pull for `minutes` (default 60). */
    override: (id: string, input: OverrideInput) => request<AndonPull>('POST', `${API}/andon/pulls/${segment(id)}/overrides`, input),
    /** Adds a comment to the pull's timeline (anyone signed in). */
    comment: (id: string, body: string) => request<AndonPull>('POST', `${API}/andon/pulls/${segment(id)}/comments`, { body }),
  };
  return andon;
}

export interface GateStreamOptions extends EventStreamOptions, GateQuery {}

/** Deploy gates: may this service be deployed right now? */
export function createGatesApi(
  request: RequestFn,
  streams: { stream(path: string, options?: EventStreamOptions): AsyncGenerator<ServerSentEvent, void, undefined> },
) {
  return {
    /**
     * The gate of one service (by name, namespace/name or reference). `open` is false while an
     * andon pull covers it without an active override. 404 GATE_SERVICE_NOT_FOUND for an unknown service.
     */
    check: (service: string, query: GateQuery = {}) =>
      request<Gate>('GET', withQuery(`${API}/gates/${segment(service)}`, { environment: query.environment })),
    /**
     * Server-sent events for one or more services: `gate` (data: the Gate JSON) on connect and on every
     * change, and `heartbeat` every 15 s. Reconnects after a drop unless `reconnect: false`; see
     * EventStreamOptions. Stop by breaking out of the loop or aborting `signal`.
     */
    stream: (services: string | string[], options: GateStreamOptions = {}) => {
      const { environment, ...rest } = options;
      const service = (Array.isArray(services) ? services : [services]).join(',');
      return streams.stream(withQuery(`${API}/gates/stream`, { service, environment }), rest);
    },
  };
}
