import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  createPrfaqBody, patchPrfaqBody, prfaqCompareQuery, prfaqComparison, prfaqDetail, prfaqMarkdownQuery, prfaqParams, prfaqSectionParams, prfaqSectionSaved,
  prfaqsPage, prfaqsQuery, prfaqStatusBody, prfaqVersion, prfaqVersionParams, prfaqVersionsPage, putPrfaqSectionBody, pageQuery,
} from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, typed } from '../../platform/http/typed';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import type { PrfaqService } from './prfaq-service';
import { prfaqMarkdown } from './prfaq-markdown';

export const tags = ['prfaq'];

/** The document: create, read, list, edit sections and details, versions, compare, export, status. */
export function prfaqRoutes(app: FastifyInstance, prfaqs: PrfaqService) {
  const r = typed(app);
  const tagged = async <T extends { version: number }>(reply: FastifyReply, detail: Promise<T>) => {
    const d = await detail;
    setVersionTag(reply, d.version);
    return d;
  };

  r.post('/api/v1/prfaqs', { schema: { tags, summary: 'Write a PR/FAQ (a draft; anyone signed in, for any team)', body: createPrfaqBody, response: { 201: prfaqDetail, ...errorReplies } } }, async (req, reply) => {
    const d = await prfaqs.create(principalOf(req), req.body);
    setVersionTag(reply, d.version);
    return reply.code(201).send(d);
  });
  r.get('/api/v1/prfaqs', { schema: { tags, summary: 'PR/FAQs by team, status, author or text, newest first', querystring: prfaqsQuery, response: { 200: prfaqsPage, ...errorReplies } } }, (req) => prfaqs.list(req.query));
  r.get('/api/v1/prfaqs/:number', { schema: { tags, summary: 'A PR/FAQ: sections with guidance, status history, review rounds, decisions and the writing coach on the current version', params: prfaqParams, response: { 200: prfaqDetail, ...errorReplies } } }, (req, reply) =>
    tagged(reply, prfaqs.detail(req.params.number)),
  );
  r.patch('/api/v1/prfaqs/:number', { schema: { tags, summary: 'Change title, customer or bold-bet estimate (If-Match: the document version)', params: prfaqParams, body: patchPrfaqBody, response: { 200: prfaqDetail, ...errorReplies } } }, (req, reply) =>
    tagged(reply, prfaqs.patch(principalOf(req), req.params.number, expectedVersion(req), req.body)),
  );
  r.put('/api/v1/prfaqs/:number/sections/:section', { schema: { tags, summary: 'Save one section (If-Match: its version); every save is a new version; a stale save gets 412 with the current text', params: prfaqSectionParams, body: putPrfaqSectionBody, response: { 200: prfaqSectionSaved, ...errorReplies } } }, async (req, reply) => {
    const saved = await prfaqs.putSection(principalOf(req), req.params.number, req.params.section, expectedVersion(req), req.body.content);
    setVersionTag(reply, saved.version);
    return saved;
  });
  r.get('/api/v1/prfaqs/:number/versions', { schema: { tags, summary: 'Every saved version, newest first', params: prfaqParams, querystring: pageQuery, response: { 200: prfaqVersionsPage, ...errorReplies } } }, (req) =>
    prfaqs.versions(req.params.number, req.query),
  );
  r.get('/api/v1/prfaqs/:number/versions/:version', { schema: { tags, summary: 'One version as it was saved', params: prfaqVersionParams, response: { 200: prfaqVersion, ...errorReplies } } }, (req) =>
    prfaqs.version(req.params.number, req.params.version),
  );
  r.get('/api/v1/prfaqs/:number/compare', { schema: { tags, summary: 'Two versions side by side, section by section, with the fields that changed', params: prfaqParams, querystring: prfaqCompareQuery, response: { 200: prfaqComparison, ...errorReplies } } }, (req) =>
    prfaqs.compare(req.params.number, req.query.from, req.query.to),
  );
  r.get('/api/v1/prfaqs/:number/markdown', { schema: { tags, summary: 'The PR/FAQ (current or ?version=) as Markdown', params: prfaqParams, querystring: prfaqMarkdownQuery } }, async (req, reply) => {
    const { doc, version } = await prfaqs.forExport(req.params.number, req.query.version);
    return (reply as FastifyReply).type('text/markdown; charset=utf-8').header('content-disposition', `inline; filename="prfaq-${doc.number}-v${version.number}.md"`).send(prfaqMarkdown(doc, version));
  });
  r.post('/api/v1/prfaqs/:number/status', { schema: { tags, summary: 'Move to building (after a yes), launched (after building), shelved, or back to draft (from shelved)', params: prfaqParams, body: prfaqStatusBody, response: { 200: prfaqDetail, ...errorReplies } } }, (req, reply) =>
    tagged(reply, prfaqs.setStatus(principalOf(req), req.params.number, req.body.status, req.body.note)),
  );
}
