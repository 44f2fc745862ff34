import { z } from 'zod';
import { isoDateTime, pageQuery, page } from './common';

export const auditEntry = z.object({
  seq: z.number().int(),
  at: isoDateTime,
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
});
export const auditPage = page(auditEntry);

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;
