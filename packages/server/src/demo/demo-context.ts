import type { Caller, DemoApi, DemoPerson } from './demo-client';
import type { DemoRandom } from './demo-random';
import type { DemoSize } from './demo-size';
import type { DemoTimeline } from './demo-timeline';

export interface OrgTeam {
  name: string;
  displayName: string;
  mission: string;
  parent: string | null;
  /** The single-threaded leader (null for a team whose leader left). */
  leader: string | null;
  /** Everyone in the team, the leader first. */
  members: string[];
  /** A product team (a leaf of the tree), rather than a group of teams. */
  product: boolean;
}

export interface DemoOrg {
  /** The first account: an admin, and the leader at the top of the tree. */
  admin: DemoPerson;
  people: DemoPerson[];
  /** The people who signed up and act in the demo (the others came from the directory, without a password). */
  active: DemoPerson[];
  isActive(name: string): boolean;
  person(name: string): DemoPerson;
  /** Root first, then the groups, then the product teams. */
  teams: OrgTeam[];
  products: OrgTeam[];
  team(name: string): OrgTeam;
  /** Someone in the team who can act for it (its leader, else its first member). */
  actor(team: string): DemoPerson;
}

/** What every part of the generator works with. */
export interface DemoContext {
  api: DemoApi;
  random: DemoRandom;
  timeline: DemoTimeline;
  size: DemoSize;
  org: DemoOrg;
  /** The caller for a person of the organisation. */
  as(person: string | DemoPerson): Caller;
  /** Stops and starts the in-process server on the same data: background jobs (closing decision
   *  windows, overdue reminders) look at the data as they start. */
  restartServer(): Promise<void>;
  log(line: string): void;
}
