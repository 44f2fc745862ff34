import type { FastifyInstance } from 'fastify';
import {
  flywheel, flywheelParams, flywheelRangeQuery, flywheelReview, flywheelReviewQuery, flywheelValues, flywheelValuesBody, flywheelValuesQuery, flywheelValuesResult, flywheelValuesUpload, putFlywheelBody,
} from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { errorReplies, typed } from '../../platform/http/typed';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import type { FlywheelService } from './flywheel-service';
import { csvRows, FLYWHEEL_MAX_ROWS, jsonRows } from './flywheel-rows';

const tags = ['flywheel'];

/** A JSON upload checked against its contract, the faults named by field (the route accepts CSV too, so
 *  its own schema is the union of both). */
function jsonUpload(body: unknown) {
  const parsed = flywheelValuesBody.safeParse(body);
  if (parsed.success) return parsed.data.values;
  const errors = parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));
  throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

export function flywheelRoutes(app: FastifyInstance, service: FlywheelService) {
  const r = typed(app);
  const url = '/api/v1/teams/:name/flywheel';

  r.get(url, { schema: { tags, summary: "The team's flywheel: its metrics, the loop in order, spurs, and each metric's latest value", params: flywheelParams, response: { 200: flywheel, ...errorReplies } } }, async (req, reply) => {
    const f = await service.get(req.params.name);
    setVersionTag(reply, f.version);
    return f;
  });
  r.put(url, { schema: { tags, summary: 'Define the flywheel (team members or admins): every metric names the next it drives; one loop, spurs feed into it. The first definition takes no If-Match; later ones need it (412 when stale)', params: flywheelParams, body: putFlywheelBody, response: { 200: flywheel, 201: flywheel, ...errorReplies } } }, async (req, reply) => {
    const expected = req.headers['if-match'] === undefined ? null : expectedVersion(req);
    const { flywheel: f, created } = await service.define(principalOf(req), req.params.name, expected, req.body.metrics);
    setVersionTag(reply, f.version);
    return reply.code(created ? 201 : 200).send(f);
  });
  r.get(`${url}/values`, { schema: { tags, summary: 'Weekly values between two weeks (Mondays), by metric then week', params: flywheelParams, querystring: flywheelRangeQuery, response: { 200: flywheelValues, ...errorReplies } } }, (req) =>
    service.values(req.params.name, req.query),
  );
  r.get(`${url}/review`, { schema: { tags, summary: "The weekly review: each metric's last six weeks and the same weeks a year earlier, with week-over-week and year-over-year changes in percent (null: n/a)", params: flywheelParams, querystring: flywheelReviewQuery, response: { 200: flywheelReview, ...errorReplies } } }, (req) =>
    service.review(req.params.name, req.query.week),
  );

  // Values arrive as JSON or as a CSV file (metric,week,value); the CSV body is read as text here only.
  void app.register(async (scoped) => {
    scoped.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: FLYWHEEL_MAX_ROWS * 200 }, (_req, body, done) => done(null, body));
    typed(scoped).post(
      `${url}/values`,
      {
        attachValidation: true,
        schema: { tags, summary: 'Record weekly values (team members or admins) as JSON {values:[…]} or text/csv (metric,week,value). A metric and week sent again replace the kept value. With any bad row nothing is imported, unless ?partial=true: then the good rows are, and the bad ones are reported by line', params: flywheelParams, querystring: flywheelValuesQuery, body: flywheelValuesUpload, response: { 200: flywheelValuesResult, ...errorReplies } },
      },
      (req) => {
        if (req.validationError && req.validationError.validationContext !== 'body') throw req.validationError;
        const partial = (req.query as { partial?: string }).partial === 'true';
        if (typeof req.body === 'string') {
          const { rows, rejected } = csvRows(req.body);
          return service.record(principalOf(req), req.params.name, rows, rejected, partial);
        }
        return service.record(principalOf(req), req.params.name, jsonRows(jsonUpload(req.body)), [], partial);
      },
    );
  });
}
