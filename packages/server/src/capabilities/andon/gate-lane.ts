import type { LaneAnswer, LaneRoute } from '../../platform/http/lean-lane';
import { GATE_ROUTE, GATE_SCOPES } from './gate-routes';
import type { GateAnswer, GateState } from './gate-state';

/** An `environment=<name>` query the route's contract takes as it is (environmentName: 1–63 characters,
 *  lower-case letters and digits separated by "-", "_" or "."; nothing to decode). */
const ENVIRONMENT_QUERY = /^environment=([a-z0-9]+(?:[-_.][a-z0-9]+)*)$/;

/** GET /api/v1/gates/{service} in the lean lane: the answer gate-routes.ts gives for a service the
 *  catalog knows, with no query or a valid environment, If-None-Match honoured. */
export function gateLane(gates: GateState): LaneRoute {
  // One pair of answers per gate answer, which gate-state.ts keeps until the gate changes.
  const answers = new WeakMap<GateAnswer, { ok: LaneAnswer; notModified: LaneAnswer }>();
  return {
    url: GATE_ROUTE,
    scopes: GATE_SCOPES,
    answer(service, query, headers): LaneAnswer | undefined {
      let environment: string | null = null;
      if (query !== '') {
        const match = ENVIRONMENT_QUERY.exec(query);
        if (!match || match[1].length > 63) return undefined;
        environment = match[1];
      }
      const ref = gates.resolve(service);
      if (!ref) return undefined;
      const answer = gates.gate(ref, environment);
      let both = answers.get(answer);
      if (!both) {
        both = {
          ok: { status: 200, headers: { etag: answer.etag, 'cache-control': 'no-cache', 'content-type': 'application/json; charset=utf-8' }, body: answer.json },
          notModified: { status: 304, headers: { etag: answer.etag, 'cache-control': 'no-cache' } },
        };
        answers.set(answer, both);
      }
      return headers['if-none-match'] === answer.etag ? both.notModified : both.ok;
    },
  };
}
