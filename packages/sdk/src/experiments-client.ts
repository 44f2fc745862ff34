import { assign as assignUser, type Assignment } from './assignment/index';
import type {
  CreateExperimentInput,
  DecisionInput,
  EventBatchResult,
  Experiment,
  ExperimentEvent,
  ExperimentsQuery,
  SdkExperiment,
  SdkExperimentsPayload,
} from './experiments-types';
import { RawBody, withQuery, type RequestFn } from './http-transport';
import { paginate } from './paginate';
import type { Page } from './sdk-types';

const API = '/api/v1';
const segment = (value: string) => encodeURIComponent(value);

/** The server takes at most this many events in one request (POST /api/v1/events). */
export const MAX_EVENTS_PER_REQUEST = 50_000;

/** Experiments: definitions, their life (start, stop, decision), and assigning users to variants. */
export function createExperimentsApi(request: RequestFn) {
  /** The last GET /api/v1/sdk/experiments answer, by key; undefined until the first refresh(). */
  let cache: Map<string, SdkExperiment> | undefined;

  const experiments = {
    /** Creates a draft (anyone signed in); 409 EXPERIMENT_KEY_TAKEN when the key is in use. */
    create: (input: CreateExperimentInput) => request<Experiment>('POST', `${API}/experiments`, input),
    /** One page of experiments. */
    list: (query: ExperimentsQuery = {}) => request<Page<Experiment>>('GET', withQuery(`${API}/experiments`, { ...query })),
    /** Every experiment matching `query`, following `nextCursor` across pages. */
    iterate: (query: Omit<ExperimentsQuery, 'cursor'> = {}) => paginate((cursor) => experiments.list({ ...query, cursor })),
    get: (key: string) => request<Experiment>('GET', `${API}/experiments/${segment(key)}`),
    /** Starts (or restarts) collecting events (owning team or admins). */
    start: (key: string) => request<Experiment>('POST', `${API}/experiments/${segment(key)}/start`, {}),
    /** Stops collecting events (owning team or admins). */
    stop: (key: string) => request<Experiment>('POST', `${API}/experiments/${segment(key)}/stop`, {}),
    /** Ship, kill or iterate, with the lesson learned (owning team or admins). */
    decide: (key: string, input: DecisionInput) => request<Experiment>('POST', `${API}/experiments/${segment(key)}/decision`, input),
    /** The variant of one user, asked of the server (one request per call). */
    assign: (key: string, userId: string) => request<Assignment>('POST', `${API}/experiments/${segment(key)}/assign`, { userId }),

    /** Fetches the running experiments for local assignment and keeps them for `assignLocally`. */
    refresh: async (): Promise<SdkExperimentsPayload> => {
      const payload = await request<SdkExperimentsPayload>('GET', `${API}/sdk/experiments`);
      cache = new Map(payload.experiments.map((experiment) => [experiment.key, experiment]));
      return payload;
    },
    /** The running experiments kept by the last `refresh()`, or undefined before the first one. */
    cached: (): SdkExperiment[] | undefined => (cache ? [...cache.values()] : undefined),
    /**
     * The variant of a user, computed here from the experiments kept by the last `refresh()`, without
     * a request: the same answer the server gives (GrowthBook-compatible hashing). null when the
     * experiment is not running (it was not in the last payload): show the control and send no exposure.
     * `index` is -1 and `variant` null when the user is outside the experiment's coverage.
     * Throws until `refresh()` has succeeded once.
     */
    assignLocally: (key: string, userId: string): Assignment | null => {
      if (!cache) throw new Error('no experiments loaded yet: await experiments.refresh() before assignLocally()');
      const experiment = cache.get(key);
      return experiment ? assignUser(experiment, userId) : null;
    },
  };
  return experiments;
}

/** Exposure and metric events. Each event has an id; sending one again is harmless (`duplicate`). */
export function createEventsApi(request: RequestFn) {
  return {
    /**
     * Sends up to 50,000 events as a JSON array; answered once they are durably recorded, with a
     * result per event (`line` is its index + 1). Rejected events do not fail the request.
     */
    send: (batch: ExperimentEvent[]) => request<EventBatchResult>('POST', `${API}/events`, batch),
    /**
     * Sends NDJSON text (one event per line, up to 50,000 lines and 32 MiB) as application/x-ndjson.
     * `results[].line` is the line number within `text`; blank lines are skipped but counted, and a
     * line that is not JSON is rejected on its own.
     */
    sendNdjson: (text: string) => request<EventBatchResult>('POST', `${API}/events`, new RawBody(text, 'application/x-ndjson')),
  };
}
