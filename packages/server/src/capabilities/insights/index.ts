import type { FastifyInstance } from 'fastify';
import type { CatalogHealth, Insights, InsightsQuery } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import { teamWithSubTeams } from '../teams/team-tree';
import { readInsightFacts } from './insights-reader';
import { insightsRoutes } from './insights-routes';
import { insightAreas } from './insights-scores';
import { weeklyTrend } from './insights-trend';

const WEEK = 7 * 86_400_000;

/** Insights: the innovation dashboard over every capability, for the organisation or a team with its sub-teams. */
export function createInsights(deps: { db: Db; health: () => Promise<CatalogHealth>; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  async function read(query: InsightsQuery): Promise<Insights> {
    const now = clock();
    const to = now.toISOString();
    const from = new Date(now.getTime() - query.weeks * WEEK).toISOString();
    const teams = await teamWithSubTeams(deps.db, query.team);
    const facts = { ...(await readInsightFacts(deps.db, { teams, orgWide: !query.team }, from, to, await deps.health())), months: (query.weeks * 7) / 30.44 };
    const teamQuery = query.team ? `?team=${encodeURIComponent(query.team.toLowerCase())}` : '';
    return { team: query.team?.toLowerCase() ?? null, teams, from, to, areas: insightAreas(facts, teamQuery), trend: weeklyTrend(facts, from, to) };
  }
  return { read, routes: (app: FastifyInstance) => insightsRoutes(app, read) };
}
