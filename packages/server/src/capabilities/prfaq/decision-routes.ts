import type { FastifyInstance } from 'fastify';
import {
  prfaqCommitmentBody, prfaqDecideBody, prfaqDecision, prfaqDecisionParams, prfaqDecisionsList, prfaqDecisionsPage, prfaqDecisionsQuery, prfaqParams, prfaqPortfolio,
  prfaqPortfolioQuery, prfaqRedirectBody, prfaqSettings, prfaqWrittenNoBody, patchPrfaqSettingsBody, requestPrfaqDecisionBody,
} from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import { principalOf, requireAdmin } from '../../platform/auth/principal';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import { errorReplies, typed } from '../../platform/http/typed';
import type { Decisions } from './decisions-service';
import type { PrfaqService } from './prfaq-service';
import { portfolio } from './bets-portfolio';
import type { DecisionWindowSetting } from './decision-window';
import { tags } from './prfaq-routes';

/** Decisions (the Institutional Yes), the decisions log and the bold-bets portfolio. */
export function decisionRoutes(app: FastifyInstance, db: Db, prfaqs: PrfaqService, decisions: Decisions, windowSetting: DecisionWindowSetting) {
  const r = typed(app);
  const one = { params: prfaqDecisionParams, response: { 200: prfaqDecision, ...errorReplies } };
  const base = '/api/v1/prfaqs/:number/decisions';

  r.get('/api/v1/prfaqs/decisions', { schema: { tags, summary: 'The decisions log: every request with who, when, why, time to decision, and the nos with their reasons', querystring: prfaqDecisionsQuery, response: { 200: prfaqDecisionsPage, ...errorReplies } } }, (req) =>
    decisions.log(req.query),
  );
  r.get('/api/v1/prfaqs/portfolio', { schema: { tags, summary: 'Bold bets in play: expected value of each and of the whole, and whether it holds a long shot (p ≤ 0.1, payoff ≥ 10×)', querystring: prfaqPortfolioQuery, response: { 200: prfaqPortfolio, ...errorReplies } } }, (req) =>
    db.transaction().execute((trx) => portfolio(trx, req.query)),
  );
  r.get('/api/v1/prfaqs/settings', { schema: { tags, summary: 'The decision window new requests get, and where it comes from (setting, DAYONE_DECISION_WINDOW, or the 72-hour default)', response: { 200: prfaqSettings, ...errorReplies } } }, async (_req, reply) => {
    const s = await windowSetting.get();
    setVersionTag(reply, s.version);
    return s;
  });
  r.patch('/api/v1/prfaqs/settings', { schema: { tags, summary: 'Set the decision window (admins; If-Match: the instance settings version); null returns to the environment or default', body: patchPrfaqSettingsBody, response: { 200: prfaqSettings, ...errorReplies } } }, async (req, reply) => {
    const s = await windowSetting.update(requireAdmin(req), expectedVersion(req), req.body.decisionWindow);
    setVersionTag(reply, s.version);
    return s;
  });
  r.post(base, { schema: { tags, summary: 'Ask for a decision: a two-way door (yes by default when the window closes) or a one-way door (a named decider); 409 names missing press-release parts', params: prfaqParams, body: requestPrfaqDecisionBody, response: { 201: prfaqDecision, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(await decisions.request(principalOf(req), req.params.number, req.body)),
  );
  r.get(base, { schema: { tags, summary: 'The decision requests of a PR/FAQ, newest first', params: prfaqParams, response: { 200: prfaqDecisionsList, ...errorReplies } } }, (req) =>
    db.transaction().execute(async (trx) => ({ items: await decisions.ofPrfaq(trx, await prfaqs.mustFind(trx, req.params.number)) })),
  );
  r.post(`${base}/:id/no`, { schema: { tags, summary: 'A written no on a two-way door (anyone but the author; at least 50 words and what would change your mind): escalates to the leader above', body: prfaqWrittenNoBody, ...one } }, (req) =>
    decisions.no(principalOf(req), req.params.number, req.params.id, req.body),
  );
  r.post(`${base}/:id/decide`, { schema: { tags, summary: 'The decider answers yes or no (a no is written: at least 50 words)', body: prfaqDecideBody, ...one } }, (req) =>
    decisions.decide(principalOf(req), req.params.number, req.params.id, req.body),
  );
  r.post(`${base}/:id/redirect`, { schema: { tags, summary: 'Take the request to another leader (author or owning team): multiple paths to a yes', body: prfaqRedirectBody, ...one } }, (req) =>
    decisions.redirect(principalOf(req), req.params.number, req.params.id, req.body),
  );
  r.post(`${base}/:id/commitments`, { schema: { tags, summary: 'Disagree and commit on a yes (anyone, once)', body: prfaqCommitmentBody, ...one } }, (req) =>
    decisions.commit(principalOf(req), req.params.number, req.params.id, req.body?.note ?? ''),
  );
}
