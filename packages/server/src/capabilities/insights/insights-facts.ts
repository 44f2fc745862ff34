/** What the dashboard counts for a set of teams over a period; read from each capability's tables. */
export interface InsightFacts {
  prfaqsWritten: number;
  decisions: { requestedAt: string; decidedAt: string | null; outcome: 'yes' | 'no' | null; how: 'default' | 'decider' | null; nos: number }[];
  pulls: { pulledAt: string; acknowledgedAt: string | null; resolvedAt: string | null }[];
  /** When each COE in the period was started. */
  coesCreatedAt: string[];
  /** When each experiment decided in the period was decided. */
  experimentsDecidedAt: string[];
  /** Action items due in the period (up to now), and those closed (done or won't do) by their due date. */
  itemsDue: number;
  itemsClosedOnTime: number;
  services: number;
  /** Services in a cycle, without an owner, with an owner that does not exist, or depending on what does not exist. */
  unhealthyServices: number;
  cycles: number;
  crossTeamEdges: number;
  hotSpots: number;
  teams: number;
  overTen: number;
  noLeader: number;
  leaderOfSeveral: number;
  unfitTeams: number;
  experimentsStarted: number;
  experimentsDecided: number;
  decidedWithLesson: number;
  /** Decided experiments whose decision was kill or iterate: the hypothesis did not hold as written. */
  experimentsFailed: number;
  betsExpectedValue: number | null;
  months: number;
}
