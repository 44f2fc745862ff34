import { TWO_PIZZA_LIMIT, type CatalogHealth } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { InsightFacts } from './insights-facts';

const UNHEALTHY = new Set(['CYCLE', 'NO_OWNER', 'DANGLING_OWNER', 'DANGLING_REFERENCE']);
const within = (at: string | null | undefined, from: string, to: string) => !!at && at >= from && at <= to;

/** Reads what the dashboard counts, for the given teams (lower-case names) and period. */
export async function readInsightFacts(db: Db, scope: { teams: string[]; orgWide: boolean }, from: string, to: string, health: CatalogHealth): Promise<InsightFacts> {
  const { teams, orgWide } = scope;
  const inTeams = new Set(teams);
  const mine = (team: string | null | undefined) => !!team && inTeams.has(team.toLowerCase());

  const prfaqs = (await db.selectFrom('prfaqs').select(['id', 'team', 'created_at', 'bet_probability', 'bet_payoff', 'bet_cost']).execute()).filter((p) => mine(p.team));
  const prfaqIds = new Set(prfaqs.map((p) => p.id));
  const decisionRows = (await db.selectFrom('prfaq_decisions').select(['id', 'prfaq_id', 'requested_at', 'decided_at', 'outcome', 'how']).execute()).filter(
    (d) => prfaqIds.has(d.prfaq_id) && within(d.requested_at, from, to),
  );
  const nos = new Map<string, number>();
  for (const e of await db.selectFrom('prfaq_decision_events').select(['decision_id']).where('type', '=', 'no').execute()) nos.set(e.decision_id, (nos.get(e.decision_id) ?? 0) + 1);

  const pulls = (await db.selectFrom('andon_pulls').select(['owner_team', 'pulled_at', 'acknowledged_at', 'resolved_at']).execute()).filter((p) => (orgWide || mine(p.owner_team)) && within(p.pulled_at, from, to));
  const coes = (await db.selectFrom('coes').select(['team', 'created_at']).execute()).filter((c) => mine(c.team) && within(c.created_at, from, to));
  const today = to.slice(0, 10);
  const items = (await db.selectFrom('coe_action_items').select(['team', 'due_date', 'status', 'closed_at']).execute()).filter((i) => mine(i.team) && i.due_date >= from.slice(0, 10) && i.due_date <= today);
  const onTime = items.filter((i) => i.status !== 'wont_do' && i.closed_at && i.closed_at.slice(0, 10) <= i.due_date);

  const entities = (await db.selectFrom('catalog_entities').select(['ref_key', 'owner_group']).execute()).filter((e) => mine(e.owner_group));
  const refs = new Set(entities.map((e) => e.ref_key));
  const unhealthy = new Set(health.findings.filter((f) => UNHEALTHY.has(f.code)).flatMap((f) => f.entities).filter((r) => refs.has(r)));
  const touches = (f: CatalogHealth['findings'][number]) => f.entities.some((r) => refs.has(r));

  const teamRows = (await db.selectFrom('teams').select(['id', 'name', 'leader_id']).execute()).filter((t) => mine(t.name));
  const members = new Map<string, number>();
  for (const m of await db.selectFrom('team_members').select(['team_id']).execute()) members.set(m.team_id, (members.get(m.team_id) ?? 0) + 1);
  const leads = new Map<string, number>();
  for (const t of await db.selectFrom('teams').select(['leader_id']).execute()) if (t.leader_id) leads.set(t.leader_id, (leads.get(t.leader_id) ?? 0) + 1);
  const overTen = teamRows.filter((t) => (members.get(t.id) ?? 0) > TWO_PIZZA_LIMIT);
  const noLeader = teamRows.filter((t) => !t.leader_id);
  const several = teamRows.filter((t) => t.leader_id && (leads.get(t.leader_id) ?? 0) > 1);
  const unfit = new Set([...overTen, ...noLeader, ...several].map((t) => t.id));

  const experiments = (await db.selectFrom('experiments').select(['team', 'started_at', 'decided_at', 'decision', 'lesson']).execute()).filter((e) => mine(e.team));
  const decided = experiments.filter((e) => e.decision && within(e.decided_at, from, to));
  const bets = prfaqs.filter((p) => p.bet_probability !== null && p.bet_payoff !== null && p.bet_cost !== null);

  return {
    prfaqsWritten: prfaqs.filter((p) => within(p.created_at, from, to)).length,
    decisions: decisionRows.map((d) => ({ requestedAt: d.requested_at, decidedAt: d.decided_at, outcome: d.outcome, how: d.how, nos: nos.get(d.id) ?? 0 })),
    pulls: pulls.map((p) => ({ pulledAt: p.pulled_at, acknowledgedAt: p.acknowledged_at, resolvedAt: p.resolved_at })),
    coesCreatedAt: coes.map((c) => c.created_at),
    experimentsDecidedAt: decided.map((e) => e.decided_at!),
    itemsDue: items.filter((i) => i.status !== 'wont_do').length,
    itemsClosedOnTime: onTime.length,
    services: entities.length,
    unhealthyServices: unhealthy.size,
    cycles: health.findings.filter((f) => f.code === 'CYCLE' && touches(f)).length,
    crossTeamEdges: health.findings.filter((f) => f.code === 'CROSS_TEAM_EDGE' && touches(f)).length,
    hotSpots: health.findings.filter((f) => f.code === 'FAN_IN_HOT_SPOT' && touches(f)).length,
    teams: teamRows.length,
    overTen: overTen.length,
    noLeader: noLeader.length,
    leaderOfSeveral: several.length,
    unfitTeams: unfit.size,
    experimentsStarted: experiments.filter((e) => within(e.started_at, from, to)).length,
    experimentsDecided: decided.length,
    decidedWithLesson: decided.filter((e) => e.lesson && e.lesson.trim()).length,
    experimentsFailed: decided.filter((e) => e.decision === 'kill' || e.decision === 'iterate').length,
    betsExpectedValue: bets.length ? bets.reduce((sum, p) => sum + p.bet_probability! * p.bet_payoff! * p.bet_cost! - p.bet_cost!, 0) : null,
    months: 0,
  };
}
