import type { Attachment } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { presentAttachment, type Attachments } from '../../platform/attachments/index';
import type { PrfaqRow } from './prfaq-store';
import type { Sections } from './prfaq-sections';
import { assertCanEdit } from './prfaq-policy';

export const PRFAQ_OWNER = 'prfaq';
const ATTACHMENT_URL = /^\/api\/v1\/attachments\/([A-Za-z0-9_-]+)/;

/** Mock-up images of the customer experience, kept in the shared attachment store under the PR/FAQ. */
export function createPrfaqMockups({ db, attachments, mustFind }: { db: Db; attachments: Attachments; mustFind: (trx: Db, n: number) => Promise<PrfaqRow> }) {
  return {
    maxBytes: attachments.maxBytes,

    upload: (actor: Principal, n: number, file: { filename: string; contentType: string | undefined; bytes: Buffer }): Promise<Attachment> =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        await assertCanEdit(trx, actor, prfaq, 'add mock-ups');
        const { row: _row, ...saved } = await attachments.save(trx, actor, { ownerKind: PRFAQ_OWNER, ownerId: prfaq.id, ...file });
        if (!saved.mediaType.startsWith('image/')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `A mock-up is an image (PNG, JPEG, GIF or WebP); this is ${saved.mediaType}.`);
        return saved;
      }),

    list: (n: number) =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        return { items: (await attachments.list(trx, PRFAQ_OWNER, prfaq.id)).map(presentAttachment) };
      }),

    /** A mock-up that points at an uploaded file must point at one of this document's images. */
    async assertOwnImages(trx: Db, prfaq: PrfaqRow, cx: Sections['customerExperience']) {
      const own = new Map((await attachments.list(trx, PRFAQ_OWNER, prfaq.id)).map((a) => [a.id, a.media_type]));
      cx.mockups.forEach((m, i) => {
        const id = ATTACHMENT_URL.exec(m.url)?.[1];
        if (id && !own.get(id)?.startsWith('image/')) throw fieldError(`content.mockups.${i}.url`, `is not an image uploaded to PR/FAQ ${prfaq.number} (POST /api/v1/prfaqs/${prfaq.number}/mockups)`);
      });
    },
  };
}
export type PrfaqMockups = ReturnType<typeof createPrfaqMockups>;
