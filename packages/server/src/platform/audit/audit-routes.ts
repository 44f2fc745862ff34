import type { FastifyInstance } from 'fastify';
import { auditPage, auditQuery, auditVerification } from '@dayone/contracts';
import { requireAdmin } from '../auth/principal';
import type { Db } from '../db/database';
import { AppError } from '../errors/app-error';
import { errorReplies, typed } from '../http/typed';
import { verifyAuditChain } from './audit-verify';

const tags = ['audit'];
const ADMIN_ONLY = { scopes: ['admin'] } as const;
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function seqCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  if (!/^\d{1,15}$/.test(cursor)) throw new AppError('VALIDATION_FAILED', 'query.cursor: is not a cursor this server gave out', { errors: [{ path: 'query.cursor', message: 'is not a cursor this server gave out' }] });
  return Number(cursor);
}

export function auditRoutes(app: FastifyInstance, db: Db) {
  const r = typed(app);
  r.get('/api/v1/audit', { config: ADMIN_ONLY, schema: { tags, summary: 'The audit log, newest first (admins)', querystring: auditQuery, response: { 200: auditPage, ...errorReplies } } }, async (req) => {
    requireAdmin(req);
    let q = db.selectFrom('audit_events').selectAll();
    if (req.query.entityType) q = q.where('entity_type', '=', req.query.entityType);
    if (req.query.entityId) q = q.where('entity_id', '=', req.query.entityId);
    const before = seqCursor(req.query.cursor);
    if (before !== null) q = q.where('seq', '<', before);
    const rows = await q.orderBy('seq', 'desc').limit(req.query.limit + 1).execute();
    const items = rows.slice(0, req.query.limit).map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor_name,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      before: parse(e.before_json),
      after: parse(e.after_json),
      prevHash: e.prev_hash,
      hash: e.hash,
    }));
    return { items, nextCursor: rows.length > req.query.limit ? String(items[items.length - 1].seq) : null };
  });

  r.get('/api/v1/audit/verify', { config: ADMIN_ONLY, schema: { tags, summary: 'Check the hash chain; reports the first altered or removed entry (admins)', response: { 200: auditVerification, ...errorReplies } } }, async (req) => {
    requireAdmin(req);
    return verifyAuditChain(db);
  });
}
