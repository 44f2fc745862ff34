/** How big the generated organisation is. `npm run demo` uses FULL_DEMO; tests use a small one. */
export interface DemoSize {
  /** Product teams (the leaves of the org tree); their groups and the root come with them. */
  teams: number;
  /** Catalog components per product team (more for an overloaded team). */
  servicesPerTeam: [min: number, max: number];
  /** People per product team, leader included (a few teams are bigger on purpose). */
  peoplePerTeam: [min: number, max: number];
  /** How long the organisation's recorded past is, in weeks. */
  weeks: number;
  /** Andon pulls resolved over that past (about a third are severity 1 or 2 and get a COE). */
  resolvedPulls: number;
  /** PR/FAQs; at least one in each state whatever the number. */
  prfaqs: number;
  /** Experiments; at least one decided and one running whatever the number. */
  experiments: number;
  /** Users each experiment sees per day. */
  usersPerDay: number;
  /** Teams that keep a flywheel. */
  flywheels: number;
  /** Sign-ups at once (password hashing is the slow part). */
  parallelSignUps: number;
}

export const FULL_DEMO: DemoSize = {
  teams: 29,
  servicesPerTeam: [7, 11],
  peoplePerTeam: [4, 9],
  weeks: 52,
  resolvedPulls: 34,
  prfaqs: 14,
  experiments: 9,
  usersPerDay: 700,
  flywheels: 3,
  parallelSignUps: 4,
};

/** The smallest organisation that still shows every capability. */
export const SMALL_DEMO: DemoSize = {
  teams: 3,
  servicesPerTeam: [4, 4],
  peoplePerTeam: [4, 5],
  weeks: 8,
  resolvedPulls: 4,
  prfaqs: 8,
  experiments: 3,
  usersPerDay: 12,
  flywheels: 1,
  parallelSignUps: 4,
};

export const DEMO_SEED = 20_260_101;
