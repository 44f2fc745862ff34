import type { FastifyInstance } from 'fastify';
import { prfaqLintBody, prfaqLintResult } from '@dayone/contracts';
import { errorReplies, typed } from '../../../platform/http/typed';
import { lintPrfaq } from './lint-prfaq';

/** The writing coach over HTTP: an unsaved PR/FAQ in, advice and a score out. It reads no database and
 *  keeps nothing, so the editor may call it as the author types. Unknown fields leave as 400. */
export function coachRoutes(app: FastifyInstance) {
  typed(app).post(
    '/api/v1/prfaqs/lint',
    {
      schema: {
        tags: ['prfaq'],
        summary: 'Coach an unsaved PR/FAQ: findings with offsets into each section, and a score out of 100 by category',
        body: prfaqLintBody,
        response: { 200: prfaqLintResult, ...errorReplies },
      },
    },
    (req) => lintPrfaq(req.body),
  );
}
