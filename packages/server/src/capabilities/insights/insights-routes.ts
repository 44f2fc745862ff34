import type { FastifyInstance } from 'fastify';
import { insights, insightsQuery, type Insights, type InsightsQuery } from '@dayone/contracts';
import { errorReplies, typed } from '../../platform/http/typed';

export function insightsRoutes(app: FastifyInstance, read: (query: InsightsQuery) => Promise<Insights>) {
  typed(app).get(
    '/api/v1/insights',
    {
      schema: {
        tags: ['insights'],
        summary: 'The innovation dashboard: mechanisms, architecture, organisation and culture, each a sub-score with its formula and the figures behind it, and weekly trends',
        querystring: insightsQuery,
        response: { 200: insights, ...errorReplies },
      },
    },
    (req) => read(req.query),
  );
}
