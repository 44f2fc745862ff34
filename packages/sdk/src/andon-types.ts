import type { AndonPull, Gate, PullTarget } from '@dayone/contracts';
import type { PageQuery } from './sdk-types';

export type { AndonPull, Gate, PullTarget };

/** A pull that stops deploys, as a gate lists it. */
export type GatePull = Gate['pulls'][number];
/** A time-boxed permission to deploy despite a pull, as a gate lists it. */
export type GateOverride = Gate['overrides'][number];

/** One entry of a pull's timeline. */
export interface AndonEvent {
  at: string;
  actor: string;
  type: 'pulled' | 'acknowledged' | 'comment' | 'override' | 'resolved';
  body: string | null;
}

/** A pull with its timeline (GET /api/v1/andon/pulls/{id}). */
export type AndonPullDetail = AndonPull & { events: AndonEvent[] };

export interface CreatePullInput {
  /** What stops: a service, a system, a team's services, or the whole organisation. */
  target: PullTarget;
  /** Why the line stops (1 to 1000 characters). */
  reason: string;
  /** 1 (worst) to 4; the server's default is 3. */
  severity?: number;
  /** Only deploys to this environment stop (e.g. production); every environment when left out. */
  environment?: string;
}

export interface PullsQuery extends PageQuery {
  /** `open` (default: active or acknowledged), `resolved` or `all`. */
  status?: 'open' | 'resolved' | 'all';
  /** Pulls whose owning team is this one. */
  team?: string;
  /** Pulls on this service, by full reference (component:default/checkout). */
  service?: string;
}

export interface OverrideInput {
  /** Why deploying is safe despite the pull. */
  reason: string;
  /** How long the override lasts, 1 to 1440 minutes (server default 60). */
  minutes?: number;
}

export interface GateQuery {
  /** The environment being deployed to; without it a pull in any environment closes the gate. */
  environment?: string;
}
