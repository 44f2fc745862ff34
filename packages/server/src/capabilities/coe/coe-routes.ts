import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  actionItem, actionItemParams, actionItemsPage, actionItemsQuery, attachment, coeAttachmentParams, coeCommentBody, coeDetail, coeFigures, coeFiguresQuery, coeTagBody, coeTagParams, coeTags, coeParams, coeSection, coesPage, coesQuery,
  createActionItemBody, createCoeBody, patchActionItemBody, putSectionBody, reviewBody, sectionParams, supportingData, uploadQuery,
} from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, noContent, typed } from '../../platform/http/typed';
import { uploadRoutes } from '../../platform/attachments/index';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import type { CoeService } from './coe-service';
import type { ActionItems } from './action-items-service';
import type { CoeAttachments } from './coe-attachments';
import { coeMarkdown } from './coe-markdown';
import type { CoeFigures } from './coe-figures';

const tags = ['coe'];

export function coeRoutes(app: FastifyInstance, { coes, items, files, figures, maxUploadBytes }: { coes: CoeService; items: ActionItems; files: CoeAttachments; figures: CoeFigures; maxUploadBytes: number }) {
  const r = typed(app);
  const one = { params: coeParams, response: { 200: coeDetail, ...errorReplies } };

  r.post('/api/v1/coes', { schema: { tags, summary: 'Write a Correction of Error (a draft for the owning team)', body: createCoeBody, response: { 201: coeDetail, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(await coes.create(principalOf(req), req.body)),
  );
  r.get('/api/v1/coes', { schema: { tags, summary: 'COEs by team, status, service, tag or text (lessons included), newest first', querystring: coesQuery, response: { 200: coesPage, ...errorReplies } } }, (req) => coes.list(req.query));
  r.get('/api/v1/coes/figures', { schema: { tags, summary: 'Per month for a team and its sub-teams: time to detect, mitigate and resolve (median, p90), action items closed on time, COEs per service', querystring: coeFiguresQuery, response: { 200: coeFigures, ...errorReplies } } }, (req) =>
    figures(req.query),
  );
  r.get('/api/v1/coes/:number', { schema: { tags, summary: 'A COE with its sections, action items, reviews, durations and writing advice', ...one } }, async (req, reply) => {
    const detail = await coes.detail(req.params.number);
    setVersionTag(reply, detail.version);
    return detail;
  });
  r.get('/api/v1/coes/:number/markdown', { schema: { tags, summary: 'The COE as Markdown', params: coeParams } }, async (req, reply) =>
    (reply as FastifyReply).type('text/markdown; charset=utf-8').send(coeMarkdown(await coes.markdown(req.params.number))),
  );
  r.put('/api/v1/coes/:number/sections/:section', { schema: { tags, summary: 'Save one section (If-Match: its version; a stale save gets 412 with the current text)', params: sectionParams, body: putSectionBody, response: { 200: coeSection, ...errorReplies } } }, (req) =>
    coes.putSection(principalOf(req), req.params.number, req.params.section, expectedVersion(req), req.body.content),
  );
  r.post('/api/v1/coes/:number/comments', { schema: { tags, summary: 'Comment on a section (anyone)', params: coeParams, body: coeCommentBody, response: { 200: coeDetail, ...errorReplies } } }, (req) =>
    coes.comment(principalOf(req), req.params.number, req.body.section, req.body.body),
  );
  r.post('/api/v1/coes/:number/submit', { schema: { tags, summary: 'Submit the draft for review (owning team)', ...one } }, (req) => coes.submit(principalOf(req), req.params.number));
  r.post('/api/v1/coes/:number/reviews', { schema: { tags, summary: 'Review (anyone); a reviewer from outside the owning team marks it reviewed', params: coeParams, body: reviewBody, response: { 200: coeDetail, ...errorReplies } } }, (req) =>
    coes.review(principalOf(req), req.params.number, req.body.note),
  );
  r.post('/api/v1/coes/:number/close', { schema: { tags, summary: 'Close (owning team); refused while an action item is open or in progress, listing them', ...one } }, (req) =>
    coes.close(principalOf(req), req.params.number),
  );
  r.post('/api/v1/coes/:number/action-items', { schema: { tags, summary: 'Add an action item: one owner, a due date, a priority and a type', params: coeParams, body: createActionItemBody, response: { 201: actionItem, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(await items.create(principalOf(req), req.params.number, req.body)),
  );
  r.patch('/api/v1/coes/:number/action-items/:id', { schema: { tags, summary: "Change an action item (its owner, the team or admins; If-Match); won't do needs a reason", params: actionItemParams, body: patchActionItemBody, response: { 200: actionItem, ...errorReplies } } }, async (req, reply) => {
    const item = await items.update(principalOf(req), req.params.number, req.params.id, expectedVersion(req), req.body);
    setVersionTag(reply, item.version);
    return item;
  });
  r.get('/api/v1/action-items', { schema: { tags, summary: "Action items by owner or team (my items: owner=<me>); overdue=true for the late ones", querystring: actionItemsQuery, response: { 200: actionItemsPage, ...errorReplies } } }, (req) =>
    coes.listItems(req.query),
  );

  uploadRoutes(app, maxUploadBytes, (scoped) =>
    typed(scoped).post('/api/v1/coes/:number/attachments', { schema: { tags, summary: 'Attach supporting data (owning team): the file is the body, with its Content-Type (image/png, image/jpeg, image/gif, image/webp or text/csv); a metric CSV must parse', params: coeParams, querystring: uploadQuery, response: { 201: attachment, ...errorReplies } } }, async (req, reply) =>
      reply.code(201).send(await files.upload(principalOf(req), req.params.number, { filename: req.query.filename, contentType: req.headers['content-type'], bytes: req.body as Buffer })),
    ),
  );
  r.post('/api/v1/coes/:number/tags', { schema: { tags, summary: 'Tag the COE for the learning library (owning team); a tag already there changes nothing', params: coeParams, body: coeTagBody, response: { 200: coeTags, ...errorReplies } } }, (req) =>
    coes.tag(principalOf(req), req.params.number, req.body.tag),
  );
  r.delete('/api/v1/coes/:number/tags/:tag', { schema: { tags, summary: 'Remove a tag (owning team)', params: coeTagParams, response: { 200: coeTags, ...errorReplies } } }, (req) =>
    coes.untag(principalOf(req), req.params.number, req.params.tag),
  );
  r.delete('/api/v1/coes/:number/attachments/:id', { schema: { tags, summary: 'Remove an attachment (owning team)', params: coeAttachmentParams, response: { 204: noContent, ...errorReplies } } }, async (req, reply) => {
    await files.remove(principalOf(req), req.params.number, req.params.id);
    return reply.code(204).send(null);
  });
  r.get('/api/v1/coes/:number/supporting-data', { schema: { tags, summary: 'Supporting data to draw: each metric CSV parsed into a series, the timeline milestones to mark, and the images', params: coeParams, response: { 200: supportingData, ...errorReplies } } }, (req) =>
    files.supportingData(req.params.number),
  );
}
