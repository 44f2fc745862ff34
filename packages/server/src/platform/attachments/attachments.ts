import { createHash } from 'node:crypto';
import type { Attachment } from '@dayone/contracts';
import type { Db } from '../db/database';
import type { AttachmentsTable } from '../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { newId, nowIso } from '../ids';
import { detectMediaType } from './media-type';

export const DEFAULT_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export type AttachmentRow = AttachmentsTable;
type Meta = Omit<AttachmentRow, 'content'>;

export interface NewAttachment {
  ownerKind: string;
  ownerId: string;
  filename: string;
  /** The Content-Type the uploader sent; checked against the bytes, never trusted. */
  contentType: string | undefined;
  bytes: Buffer;
}

export const presentAttachment = (r: Meta): Attachment => ({
  id: r.id,
  filename: r.filename,
  mediaType: r.media_type as Attachment['mediaType'],
  size: r.size,
  sha256: r.sha256,
  createdBy: r.created_by,
  createdAt: r.created_at,
  url: `/api/v1/attachments/${r.id}`,
});

const META = ['id', 'owner_kind', 'owner_id', 'filename', 'media_type', 'size', 'sha256', 'created_by', 'created_at'] as const;

/** Files kept in the database, each owned by one document. Capabilities call these inside their own
 *  transaction (after checking that the actor may change the owner); the store checks the bytes. */
export function createAttachments(deps: { audit: AuditLog; maxBytes?: number }) {
  const maxBytes = deps.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  return {
    maxBytes,

    async save(trx: Db, actor: Principal, input: NewAttachment): Promise<Attachment & { row: AttachmentRow }> {
      if (!Buffer.isBuffer(input.bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body, with its own Content-Type (image/png, image/jpeg, image/gif, image/webp or text/csv).');
      if (input.bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'body: the file is empty', { errors: [{ path: 'body', message: 'the file is empty' }] });
      if (input.bytes.length > maxBytes) throw new AppError('BODY_TOO_LARGE', `The file has ${input.bytes.length} bytes; at most ${maxBytes} are kept.`);
      const row: AttachmentRow = {
        id: newId(),
        owner_kind: input.ownerKind,
        owner_id: input.ownerId,
        filename: input.filename,
        media_type: detectMediaType(input.bytes, input.contentType),
        size: input.bytes.length,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        content: input.bytes,
        created_by: actor.name,
        created_at: nowIso(),
      };
      await trx.insertInto('attachments').values(row).execute();
      const presented = presentAttachment(row);
      await deps.audit.record(trx, actor, { action: 'attachment.created', entityType: row.owner_kind, entityId: row.owner_id, after: presented });
      return { ...presented, row };
    },

    /** Metadata of an owner's files, oldest first (no bytes). */
    list: (trx: Db, ownerKind: string, ownerId: string) =>
      trx.selectFrom('attachments').select(META).where('owner_kind', '=', ownerKind).where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),

    /** One file with its bytes. */
    async get(trx: Db, id: string): Promise<AttachmentRow> {
      const row = await trx.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('ATTACHMENT_NOT_FOUND', `No attachment has id ${id}.`);
      return { ...row, content: Buffer.from(row.content) };
    },

    async remove(trx: Db, actor: Principal, ownerKind: string, ownerId: string, id: string): Promise<void> {
      const row = await trx.selectFrom('attachments').select(META).where('id', '=', id).where('owner_kind', '=', ownerKind).where('owner_id', '=', ownerId).executeTakeFirst();
      if (!row) throw new AppError('ATTACHMENT_NOT_FOUND', `No attachment ${id} here.`);
      await trx.deleteFrom('attachments').where('id', '=', id).execute();
      await deps.audit.record(trx, actor, { action: 'attachment.deleted', entityType: ownerKind, entityId: ownerId, before: presentAttachment(row) });
    },
  };
}
export type Attachments = ReturnType<typeof createAttachments>;
