import type { FastifyInstance, FastifyReply } from 'fastify';
import { attachmentParams } from '@dayone/contracts';
import type { Db } from '../db/database';
import { errorReplies, typed } from '../http/typed';
import type { Attachments } from './attachments';

/** What a served file may do in a browser: nothing but be shown. No scripts, no frames, no forms. */
export const ATTACHMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** RFC 6266: a quoted ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Registers upload routes in their own scope, where image/* and text/csv bodies arrive as raw bytes
 *  (up to the attachment limit); everywhere else those types stay 415. */
export function uploadRoutes(app: FastifyInstance, maxBytes: number, register: (scoped: FastifyInstance) => void): void {
  void app.register(async (scoped) => {
    const raw = { parseAs: 'buffer' as const, bodyLimit: maxBytes };
    scoped.addContentTypeParser(/^image\/[a-z0-9.+-]+$/i, raw, (_req, body, done) => done(null, body));
    scoped.addContentTypeParser('text/csv', raw, (_req, body, done) => done(null, body));
    register(scoped);
  });
}

/** Serves a kept file with its checked media type, never sniffed by the browser, never active. */
export function attachmentRoutes(app: FastifyInstance, db: Db, attachments: Attachments): void {
  typed(app).get(
    '/api/v1/attachments/:id',
    { schema: { tags: ['attachments'], summary: 'An uploaded file (image or CSV), with its stored media type', params: attachmentParams, response: { ...errorReplies } } },
    async (req, reply) => {
      const file = await attachments.get(db, req.params.id);
      return (reply as FastifyReply)
        .type(file.media_type)
        .header('content-disposition', contentDisposition(file.media_type.startsWith('image/') ? 'inline' : 'attachment', file.filename))
        .header('content-security-policy', ATTACHMENT_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('etag', `"${file.sha256}"`)
        .send(file.content);
    },
  );
}
