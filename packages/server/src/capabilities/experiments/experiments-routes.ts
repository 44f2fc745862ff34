import type { FastifyInstance, FastifyReply } from 'fastify';
import { assignBody, assignment, createExperimentBody, decideBody, eventBatchResult, experiment, experimentParams, experimentDailyResults, experimentResults, experimentsPage, experimentsQuery, experimentVelocity, sdkExperiments } from '@dayone/contracts';
import { z } from 'zod';
import { principalOf } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { errorReplies, typed } from '../../platform/http/typed';
import type { ExperimentsService } from './experiments-service';
import { readEventArray, readNdjson, type EventIngest } from './event-ingest';

const tags = ['experiments'];
const MAX_BATCH = 50_000;
const EVENTS_BODY_LIMIT = 32 * 1024 * 1024;

export function experimentsRoutes(app: FastifyInstance, experiments: ExperimentsService, events: EventIngest) {
  const r = typed(app);
  r.post('/api/v1/experiments', { schema: { tags, summary: 'Create an experiment (draft) for a team: hypothesis, variants with weights, metrics', body: createExperimentBody, response: { 201: experiment, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(await experiments.create(principalOf(req), req.body)),
  );
  r.get('/api/v1/experiments', { schema: { tags, summary: 'Experiments, by team and status', querystring: experimentsQuery, response: { 200: experimentsPage, ...errorReplies } } }, (req) => experiments.list(req.query));
  r.get('/api/v1/experiments/velocity', { schema: { tags, summary: 'Experiments started, decided, decided with a lesson, and killed, per team and month', response: { 200: experimentVelocity, ...errorReplies } } }, () =>
    experiments.velocity(),
  );
  r.get('/api/v1/experiments/:key', { schema: { tags, summary: 'One experiment', params: experimentParams, response: { 200: experiment, ...errorReplies } } }, (req) => experiments.get(req.params.key));
  r.post('/api/v1/experiments/:key/start', { schema: { tags, summary: 'Start (or restart) collecting exposures and metric events (owning team)', params: experimentParams, response: { 200: experiment, ...errorReplies } } }, (req) =>
    experiments.start(principalOf(req), req.params.key),
  );
  r.post('/api/v1/experiments/:key/stop', { schema: { tags, summary: 'Stop collecting (owning team)', params: experimentParams, response: { 200: experiment, ...errorReplies } } }, (req) =>
    experiments.stop(principalOf(req), req.params.key),
  );
  r.post('/api/v1/experiments/:key/decision', { schema: { tags, summary: 'Record the decision (ship, kill or iterate) and what was learned (owning team)', params: experimentParams, body: decideBody, response: { 200: experiment, ...errorReplies } } }, (req) =>
    experiments.decide(principalOf(req), req.params.key, req.body.decision, req.body.lesson),
  );
  r.post('/api/v1/experiments/:key/assign', { schema: { tags, summary: 'The variant of a user (GrowthBook-compatible hashing); index counts from 0, control first', params: experimentParams, body: assignBody, response: { 200: assignment, ...errorReplies } } }, (req) =>
    experiments.assign(req.params.key, req.body.userId),
  );
  r.get('/api/v1/experiments/:key/results', { schema: { tags, summary: 'Results from the rollups: effect, interval, p-value or chance to win per metric and variant, adjusted p-values, sample-ratio check', params: experimentParams, response: { 200: experimentResults, ...errorReplies } } }, (req) =>
    experiments.results(req.params.key),
  );
  r.get('/api/v1/experiments/:key/results/daily', { schema: { tags, summary: 'Cumulative results at the end of each day of first exposures: users per variant, and each effect with its interval', params: experimentParams, response: { 200: experimentDailyResults, ...errorReplies } } }, (req) =>
    experiments.dailyResults(req.params.key),
  );
  r.get('/api/v1/sdk/experiments', { schema: { tags, summary: 'Running experiments, for SDKs that assign users locally', response: { 200: sdkExperiments, ...errorReplies } } }, () => experiments.sdkPayload());

  r.post('/api/v1/events', {
    bodyLimit: EVENTS_BODY_LIMIT,
    config: { scopes: ['events:write', 'write'] },
    schema: {
      tags,
      summary: 'A batch of exposure and metric events (JSON array or NDJSON); answered once durable, with a result per line',
      body: z.union([z.array(z.unknown()), z.string()]).describe('JSON array of events, or NDJSON with Content-Type application/x-ndjson'),
      response: { 200: eventBatchResult, ...errorReplies },
    },
  }, async (req, reply) => {
    principalOf(req);
    // Reading stops at the limit, so an oversized batch is refused without being read in full.
    const batch = typeof req.body === 'string' ? readNdjson(req.body, MAX_BATCH) : readEventArray(req.body, MAX_BATCH);
    if (batch.more) throw new AppError('VALIDATION_FAILED', `A batch holds at most ${MAX_BATCH} events; split it.`, { errors: [{ path: 'body', message: `more than ${MAX_BATCH} events` }] });
    // Thousands of per-line results: serialised directly rather than re-validated field by field.
    const result = await events.ingest(batch);
    return (reply as FastifyReply).type('application/json; charset=utf-8').send(JSON.stringify(result));
  });
}
