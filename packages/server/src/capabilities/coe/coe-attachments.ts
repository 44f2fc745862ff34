import type { Db } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { presentAttachment, type Attachments } from '../../platform/attachments/index';
import type { CoeStore, CoeRow } from './coe-store';
import { assertOwningTeam } from './coe-policy';
import { parseMetricCsv, type MetricSeries } from './metric-csv';
import { milestoneTimes } from './coe-sections';

export const COE_OWNER = 'coe';

/** The supporting-data section: metric CSVs (checked on upload, charted with the timeline's milestones)
 *  and images, kept in the attachment store under the COE. */
export function createCoeAttachments({ db, store, attachments }: { db: Db; store: CoeStore; attachments: Attachments }) {
  async function mustFind(trx: Db, n: number): Promise<CoeRow> {
    const row = await store.byNumber(trx, n);
    if (!row) throw new AppError('COE_NOT_FOUND', `No COE has number ${n}.`);
    return row;
  }

  return {
    upload: (actor: Principal, n: number, file: { filename: string; contentType: string | undefined; bytes: Buffer }) =>
      db.transaction().execute(async (trx) => {
        const coe = await mustFind(trx, n);
        await assertOwningTeam(trx, actor, coe.team, 'attach supporting data');
        if (coe.status === 'closed') throw new AppError('COE_STATE', `COE ${n} is closed.`);
        const saved = await attachments.save(trx, actor, { ownerKind: COE_OWNER, ownerId: coe.id, ...file });
        // A metric must parse before it is kept: the 400 names the line and column at fault.
        if (saved.mediaType === 'text/csv') parseMetricCsv(file.bytes.toString('utf8'));
        await store.touch(trx, coe);
        const { row: _row, ...presented } = saved;
        return presented;
      }),

    remove: (actor: Principal, n: number, id: string) =>
      db.transaction().execute(async (trx) => {
        const coe = await mustFind(trx, n);
        await assertOwningTeam(trx, actor, coe.team, 'remove supporting data');
        if (coe.status === 'closed') throw new AppError('COE_STATE', `COE ${n} is closed.`);
        await attachments.remove(trx, actor, COE_OWNER, coe.id, id);
        await store.touch(trx, coe);
      }),

    /** Every file's metadata (for the detail, the print view and the Markdown). */
    list: async (trx: Db, coe: CoeRow) => (await attachments.list(trx, COE_OWNER, coe.id)).map(presentAttachment),

    /** What the supporting-data section draws: each metric CSV parsed, with the timeline's milestones. */
    supportingData: (n: number) =>
      db.transaction().execute(async (trx) => {
        const coe = await mustFind(trx, n);
        const files = await attachments.list(trx, COE_OWNER, coe.id);
        const charts: (ReturnType<typeof presentAttachment> & { series: MetricSeries })[] = [];
        for (const f of files.filter((x) => x.media_type === 'text/csv')) {
          const full = await attachments.get(trx, f.id);
          charts.push({ ...presentAttachment(f), series: parseMetricCsv(full.content.toString('utf8')) });
        }
        const timeline = await store.sections(trx, coe.id).then((s) => JSON.parse(s.find((x) => x.name === 'timeline')?.content_json ?? '[]'));
        return {
          milestones: milestoneTimes(timeline),
          charts,
          images: files.filter((f) => f.media_type.startsWith('image/')).map(presentAttachment),
        };
      }),
  };
}
export type CoeAttachments = ReturnType<typeof createCoeAttachments>;
