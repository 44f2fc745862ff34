import type { FastifyInstance } from 'fastify';
import { searchQuery, searchResults } from '@dayone/contracts';
import { errorReplies, typed } from '../../platform/http/typed';
import type { SearchQuery, SearchResults } from '@dayone/contracts';

export function searchRoutes(app: FastifyInstance, search: (query: SearchQuery) => Promise<SearchResults>) {
  typed(app).get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'One search across teams, services, PR/FAQs, COEs (lessons included), experiments (lessons included) and decisions; ranked, with highlighted snippets',
        querystring: searchQuery,
        response: { 200: searchResults, ...errorReplies },
      },
    },
    (req) => search(req.query),
  );
}
