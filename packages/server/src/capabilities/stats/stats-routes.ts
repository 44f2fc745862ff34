import type { FastifyInstance } from 'fastify';
import { adjust, analyze, power, srm, type AnalysisRequest } from '@dayone/stats';
import { adjustBody, adjustResult, analyzeBody, analyzeResult, powerBody, powerResult, srmBody, srmResult } from '@dayone/contracts';
import { errorReplies, typed } from '../../platform/http/typed';

const tags = ['statistics'];

/** The statistics engine offered stateless over HTTP, for teams whose data lives in their own warehouse.
 *  Inputs the engine cannot analyse leave as 400 naming the field (see the problem handler). */
export function statsRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.post('/api/v1/stats/analyze', { schema: { tags, summary: 'Analyse variants from sufficient statistics (frequentist, Bayesian or sequential)', body: analyzeBody, response: { 200: analyzeResult, ...errorReplies } } }, (req) =>
    analyze(req.body as AnalysisRequest),
  );
  r.post('/api/v1/stats/srm', { schema: { tags, summary: 'Sample-ratio-mismatch check: chi-square goodness of fit against the configured weights', body: srmBody, response: { 200: srmResult, ...errorReplies } } }, (req) =>
    srm(req.body.observed, req.body.weights, req.body.threshold),
  );
  r.post('/api/v1/stats/adjust', { schema: { tags, summary: 'Holm–Bonferroni (holm) or Benjamini–Hochberg (bh) adjustment, in the original order', body: adjustBody, response: { 200: adjustResult, ...errorReplies } } }, (req) => ({
    adjusted: adjust(req.body.method === 'bh' ? 'benjamini-hochberg' : 'holm', req.body.pValues),
  }));
  r.post('/api/v1/stats/power', { schema: { tags, summary: 'Users needed per variant for a minimum detectable effect, and days at a given traffic', body: powerBody, response: { 200: powerResult, ...errorReplies } } }, (req) =>
    power(req.body),
  );
}
