import type { FastifyInstance } from 'fastify';
import { attachment, prfaqMockupsList, prfaqParams, uploadQuery } from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { uploadRoutes } from '../../platform/attachments/index';
import { errorReplies, typed } from '../../platform/http/typed';
import type { PrfaqMockups } from './prfaq-mockups';
import { tags } from './prfaq-routes';

export function mockupRoutes(app: FastifyInstance, mockups: PrfaqMockups) {
  uploadRoutes(app, mockups.maxBytes, (scoped) =>
    typed(scoped).post('/api/v1/prfaqs/:number/mockups', { schema: { tags, summary: 'Upload a mock-up image (author or owning team): the image is the body, with its Content-Type; put its url in customerExperience.mockups', params: prfaqParams, querystring: uploadQuery, response: { 201: attachment, ...errorReplies } } }, async (req, reply) =>
      reply.code(201).send(await mockups.upload(principalOf(req), req.params.number, { filename: req.query.filename, contentType: req.headers['content-type'], bytes: req.body as Buffer })),
    ),
  );
  typed(app).get('/api/v1/prfaqs/:number/mockups', { schema: { tags, summary: 'The mock-up images uploaded to a PR/FAQ', params: prfaqParams, response: { 200: prfaqMockupsList, ...errorReplies } } }, (req) => mockups.list(req.params.number));
}
