import { TWO_PIZZA_LIMIT, type Fitness } from '@dayone/contracts';

export interface FitnessFacts {
  memberCount: number;
  leaderName: string | null;
  /** How many teams the leader leads, this one included. */
  leaderTeamCount: number;
}

/** The two-pizza rules (Working Backwards, ch. 3): at most ten people, one single-threaded leader,
 *  and that leader leads nothing else. */
export function teamFitness(f: FitnessFacts): Fitness {
  const findings: Fitness['findings'] = [];
  if (f.memberCount > TWO_PIZZA_LIMIT) {
    findings.push({
      code: 'OVER_SIZE',
      message: `This team has ${f.memberCount} people, more than the two-pizza limit of ${TWO_PIZZA_LIMIT}. Consider splitting it.`,
    });
  }
  if (!f.leaderName) {
    findings.push({ code: 'NO_LEADER', message: 'This team has no single-threaded leader.' });
  } else if (f.leaderTeamCount > 1) {
    findings.push({
      code: 'LEADER_LEADS_SEVERAL',
      message: `Its leader ${f.leaderName} leads ${f.leaderTeamCount} teams, so is not single-threaded on this one.`,
    });
  }
  return { fit: findings.length === 0, memberCount: f.memberCount, limit: TWO_PIZZA_LIMIT, findings };
}
