import type { LaneAnswer, LaneRoute } from '../../platform/http/lean-lane';
import { scopesFor } from '../../platform/auth/token-scopes';
import type { TeamReadCache } from './team-read-cache';

export const TEAM_ROUTE = '/api/v1/teams/:name';

/** GET /api/v1/teams/{name} in the lean lane: the answer teams-routes.ts gives for a team whose page is
 *  in the read cache, asked without a query. A team not in memory goes to the route, which loads it. */
export function teamLane(cache: TeamReadCache): LaneRoute {
  return {
    url: TEAM_ROUTE,
    scopes: scopesFor('GET'),
    answer(name, query): LaneAnswer | undefined {
      if (query !== '') return undefined;
      const hit = cache.peek(name);
      if (!hit) return undefined;
      return { status: 200, headers: { etag: `"${hit.detail.version}"`, 'content-type': 'application/json; charset=utf-8' }, body: hit.json };
    },
  };
}
