import { sql } from 'kysely';
import type { Prfaq, PrfaqSectionName } from '@dayone/contracts';
import type { Db, Dialect } from '../../platform/db/database';
import type { PrfaqsTable, PrfaqVersionsTable } from '../../platform/db/schema';
import { LOCKS, serialise } from '../../platform/db/serialise';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { newId } from '../../platform/ids';
import { PRFAQ_SECTION_NAMES, type Sections } from './prfaq-sections';

export type PrfaqRow = PrfaqsTable;

export const presentPrfaq = (r: PrfaqRow): Prfaq => ({
  id: r.id,
  number: r.number,
  title: r.title,
  team: r.team,
  author: r.author,
  customer: r.customer,
  status: r.status,
  decision: r.decision,
  currentVersion: r.current_version,
  bet: r.bet_probability === null ? null : { probability: r.bet_probability, payoff: r.bet_payoff ?? 0, cost: r.bet_cost ?? 0 },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export const presentVersion = (v: PrfaqVersionsTable) => {
  const sections = JSON.parse(v.sections_json) as Sections;
  return {
    number: v.number,
    changed: v.changed,
    savedBy: v.saved_by,
    savedAt: v.saved_at,
    title: v.title,
    customer: v.customer,
    sections: PRFAQ_SECTION_NAMES.map((name) => ({ name, content: sections[name] })),
  };
};

/** Reading and writing PR/FAQ rows; the rules live in the services. */
export function createPrfaqStore(db: Db, dialect: Dialect) {
  const store = {
    byNumber: (trx: Db, n: number) => trx.selectFrom('prfaqs').selectAll().where('number', '=', n).executeTakeFirst(),
    async nextNumber(trx: Db) {
      await serialise(trx, dialect, LOCKS.prfaqNumber);
      return Number((await trx.selectFrom('prfaqs').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst())?.n ?? 0) + 1;
    },
    sectionRows: (trx: Db, id: string) => trx.selectFrom('prfaq_sections').selectAll().where('prfaq_id', '=', id).execute(),
    async sections(trx: Db, id: string): Promise<Sections> {
      const rows = await store.sectionRows(trx, id);
      return Object.fromEntries(rows.map((r) => [r.name, JSON.parse(r.content_json)])) as Sections;
    },
    version: (trx: Db, id: string, n: number) => trx.selectFrom('prfaq_versions').selectAll().where('prfaq_id', '=', id).where('number', '=', n).executeTakeFirst(),

    /** Records a new content version holding every section as it is now. Bumping the counter first
     *  locks the document row, so concurrent saves of different sections number their versions one
     *  after the other and each snapshot includes the saves committed before it. */
    async snapshot(trx: Db, prfaq: PrfaqRow, changed: PrfaqSectionName | 'created' | 'details', by: string, at: string) {
      const bumped = await trx
        .updateTable('prfaqs')
        .set({ current_version: sql`current_version + 1`, updated_at: at })
        .where('id', '=', prfaq.id)
        .returning(['current_version', 'title', 'customer'])
        .executeTakeFirstOrThrow();
      const sections = await store.sections(trx, prfaq.id);
      await trx
        .insertInto('prfaq_versions')
        .values({ prfaq_id: prfaq.id, number: bumped.current_version, changed, title: bumped.title, customer: bumped.customer, sections_json: JSON.stringify(sections), saved_by: by, saved_at: at })
        .execute();
      return bumped.current_version;
    },

    /** Holds the document row until the transaction ends, so concurrent requests for a decision or a
     *  round on the same document run one after the other (PostgreSQL; SQLite is serial already). */
    async lock(trx: Db, prfaq: PrfaqRow) {
      await trx.updateTable('prfaqs').set({ updated_at: sql`updated_at` }).where('id', '=', prfaq.id).execute();
    },

    async recordStatus(trx: Db, prfaq: PrfaqRow, to: PrfaqRow['status'], by: string, at: string, note: string, set: Partial<PrfaqRow> = {}) {
      await trx.updateTable('prfaqs').set({ ...set, status: to, updated_at: at }).where('id', '=', prfaq.id).execute();
      await trx.insertInto('prfaq_status_events').values({ id: newId(), prfaq_id: prfaq.id, from_status: prfaq.status, to_status: to, by_name: by, at, note }).execute();
    },
    statusHistory: (trx: Db, id: string) => trx.selectFrom('prfaq_status_events').selectAll().where('prfaq_id', '=', id).orderBy('at').orderBy('id').execute(),

    async listVersions(trx: Db, id: string, query: { limit: number; cursor?: string }) {
      let q = trx.selectFrom('prfaq_versions').select(['number', 'changed', 'saved_by', 'saved_at']).where('prfaq_id', '=', id);
      const before = decodeCursor(query.cursor);
      if (before) q = q.where('number', '<', Number(before));
      const rows = await q.orderBy('number', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((v) => ({ number: v.number, changed: v.changed, savedBy: v.saved_by, savedAt: v.saved_at })),
        nextCursor: rows.length > query.limit ? encodeCursor(String(page[page.length - 1].number)) : null,
      };
    },

    async list(query: { team?: string; status?: PrfaqRow['status']; author?: string; q?: string; limit: number; cursor?: string }) {
      let q = db.selectFrom('prfaqs').selectAll();
      if (query.team) q = q.where('team', '=', query.team.toLowerCase());
      if (query.status) q = q.where('status', '=', query.status);
      if (query.author) q = q.where(sql<string>`lower(author)`, '=', query.author.toLowerCase());
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([
            eb(sql`lower(title)`, 'like', like),
            eb(sql`lower(customer)`, 'like', like),
            eb.exists(eb.selectFrom('prfaq_sections as s').select('s.prfaq_id').whereRef('s.prfaq_id', '=', 'prfaqs.id').where(sql`lower(s.content_json)`, 'like', like)),
          ]),
        );
      }
      const before = decodeCursor(query.cursor);
      if (before) q = q.where('number', '<', Number(before));
      const rows = await q.orderBy('number', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      return { items: page.map(presentPrfaq), nextCursor: rows.length > query.limit ? encodeCursor(String(page[page.length - 1].number)) : null };
    },
  };
  return store;
}
export type PrfaqStore = ReturnType<typeof createPrfaqStore>;
