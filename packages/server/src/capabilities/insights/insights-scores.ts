import type { InsightArea } from '@dayone/contracts';
import type { InsightFacts } from './insights-facts';

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
/** The mean of the parts that have data, as 0–100; null when none has. */
function score(parts: { value: number | null }[]): number | null {
  const known = parts.map((p) => p.value).filter((v): v is number => v !== null);
  return known.length ? Math.round((100 * known.reduce((a, b) => a + b, 0)) / known.length) : null;
}
const area = (key: InsightArea['key'], title: string, formula: string, parts: InsightArea['parts'], figures: InsightArea['figures']): InsightArea => ({ key, title, score: score(parts), formula, parts, figures });

/** The four sub-scores and the figures behind them. Every formula is the one written beside it. */
export function insightAreas(f: InsightFacts, teamQuery: string): InsightArea[] {
  const decided = f.decisions.filter((d) => d.decidedAt);
  const decidedShare = ratio(decided.length, f.decisions.length);
  const acked = f.pulls.filter((p) => p.acknowledgedAt);
  const resolved = f.pulls.filter((p) => p.resolvedAt);
  const mechanisms = area(
    'mechanisms',
    'Mechanisms',
    'The mean of three shares, each counted in the period: PR/FAQ decision requests that were decided; andon pulls that were resolved; COE action items due by now that were closed by their due date. A share with nothing to count is left out.',
    [
      { label: 'PR/FAQ decisions made', value: decidedShare },
      { label: 'Andon pulls resolved', value: ratio(resolved.length, f.pulls.length) },
      { label: 'Action items closed on time', value: ratio(f.itemsClosedOnTime, f.itemsDue) },
    ],
    [
      { key: 'prfaqsWritten', label: 'PR/FAQs written', value: f.prfaqsWritten, unit: 'count', link: `/prfaqs${teamQuery}` },
      { key: 'decisions', label: 'PR/FAQ decisions made', value: decided.length, unit: 'count', link: '/prfaqs/decisions' },
      { key: 'daysToDecision', label: 'Median days to a decision', value: median(decided.map((d) => hoursBetween(d.requestedAt, d.decidedAt!) / 24)), unit: 'days', link: '/prfaqs/decisions' },
      { key: 'defaultYes', label: 'Share of yeses by default', value: ratio(decided.filter((d) => d.outcome === 'yes' && d.how === 'default').length, decided.length), unit: 'share', link: '/prfaqs/decisions' },
      { key: 'writtenNo', label: 'Share of decisions with a written no', value: ratio(f.decisions.filter((d) => d.nos > 0).length, f.decisions.length), unit: 'share', link: '/prfaqs/decisions' },
      { key: 'pulls', label: 'Andon pulls', value: f.pulls.length, unit: 'count', link: '/andon' },
      { key: 'hoursToAcknowledge', label: 'Median hours to acknowledge a pull', value: median(acked.map((p) => hoursBetween(p.pulledAt, p.acknowledgedAt!))), unit: 'hours', link: '/andon' },
      { key: 'hoursToResolve', label: 'Median hours to resolve a pull', value: median(resolved.map((p) => hoursBetween(p.pulledAt, p.resolvedAt!))), unit: 'hours', link: '/andon' },
      { key: 'coes', label: 'COEs written', value: f.coesCreatedAt.length, unit: 'count', link: `/coes${teamQuery}` },
      { key: 'itemsOnTime', label: 'Action items closed on time', value: ratio(f.itemsClosedOnTime, f.itemsDue), unit: 'share', link: '/action-items?overdue=true' },
    ],
  );
  const architecture = area(
    'architecture',
    'Architecture',
    'The share of services that are healthy: not in a dependency cycle, owned by a team or person that exists, and depending only on entities that exist.',
    [{ label: 'Healthy services', value: ratio(f.services - f.unhealthyServices, f.services) }],
    [
      { key: 'services', label: 'Services and other entities', value: f.services, unit: 'count', link: '/catalog' },
      { key: 'cycles', label: 'Dependency cycles', value: f.cycles, unit: 'count', link: '/architecture' },
      { key: 'crossTeamEdges', label: 'Cross-team dependency edges', value: f.crossTeamEdges, unit: 'count', link: '/architecture' },
      { key: 'hotSpots', label: 'Fan-in hot spots', value: f.hotSpots, unit: 'count', link: '/architecture' },
      { key: 'unhealthy', label: 'Services in a cycle, ownerless or dangling', value: f.unhealthyServices, unit: 'count', link: '/architecture' },
    ],
  );
  const organisation = area(
    'organisation',
    'Organisation',
    'The share of teams that are two-pizza fit: at most ten people, a single-threaded leader, and that leader leads no other team.',
    [{ label: 'Fit teams', value: ratio(f.teams - f.unfitTeams, f.teams) }],
    [
      { key: 'teams', label: 'Teams', value: f.teams, unit: 'count', link: '/org' },
      { key: 'overTen', label: 'Teams over ten people', value: f.overTen, unit: 'count', link: '/teams?fitness=unfit' },
      { key: 'noLeader', label: 'Teams without a single-threaded leader', value: f.noLeader, unit: 'count', link: '/teams?fitness=unfit' },
      { key: 'leaderOfSeveral', label: 'Teams whose leader leads several', value: f.leaderOfSeveral, unit: 'count', link: '/teams?fitness=unfit' },
    ],
  );
  const perTeamMonth = ratio(f.experimentsStarted, Math.max(1, f.teams) * f.months);
  const culture = area(
    'culture',
    'Culture and experimentation',
    'The mean of three shares: decided experiments with a written lesson; the share of decided experiments that failed (kill or iterate), counted in full at one half or more, since an organisation that never fails is not experimenting; and experiments started per team per month, counted in full at one or more.',
    [
      { label: 'Decisions with a written lesson', value: ratio(f.decidedWithLesson, f.experimentsDecided) },
      { label: 'Failures (full at 50%)', value: f.experimentsDecided ? Math.min(1, f.experimentsFailed / f.experimentsDecided / 0.5) : null },
      { label: 'Experiments per team per month (full at 1)', value: perTeamMonth === null ? null : Math.min(1, perTeamMonth) },
    ],
    [
      { key: 'experimentsStarted', label: 'Experiments started', value: f.experimentsStarted, unit: 'count', link: '/experiments' },
      { key: 'experimentsDecided', label: 'Experiments decided', value: f.experimentsDecided, unit: 'count', link: '/experiments' },
      { key: 'lessonShare', label: 'Share with a written lesson', value: ratio(f.decidedWithLesson, f.experimentsDecided), unit: 'share', link: '/experiments' },
      { key: 'failedShare', label: 'Share that failed', value: ratio(f.experimentsFailed, f.experimentsDecided), unit: 'share', link: '/experiments' },
      { key: 'betsExpectedValue', label: "Bold bets' expected value", value: f.betsExpectedValue, unit: 'money', link: '/prfaqs/portfolio' },
    ],
  );
  return [mechanisms, architecture, organisation, culture];
}
