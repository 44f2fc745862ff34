import type { LaneAnswer, LaneRoute } from '../../platform/http/lean-lane';
import { scopesFor } from '../../platform/auth/token-scopes';
import type { TeamReadCache } from './team-read-cache';

export const TEAM_ROUTE = '/api/v1/teams/:name';

/** GET /api/v1/teams/{name} in the lean lane: the answer teams-routes.ts gives for a team whose page is
 *  in the read cache, asked without a query. A team not in memory goes to the route, which loads it. */
export function teamLane(cache: TeamReadCache): LaneRoute {
  // One answer per cached page, kept as long as the cache keeps the page.
  const answers = new WeakMap<object, LaneAnswer>();
  return {
    url: TEAM_ROUTE,
    scopes: scopesFor('GET'),
    answer(name, query): LaneAnswer | undefined {
      if (query !== '') return undefined;
      const hit = cache.peek(name);
      if (!hit) return undefined;
      let answer = answers.get(hit);
      if (!answer) {
        answer = { status: 200, headers: { etag: `"${hit.detail.version}"`, 'content-type': 'application/json; charset=utf-8' }, body: hit.json };
        answers.set(hit, answer);
      }
      return answer;
    },
  };
}
