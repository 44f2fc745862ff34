import { sql } from 'kysely';
import type { ActionItem, Coe } from '@dayone/contracts';
import type { Db, Dialect } from '../../platform/db/database';
import type { CoeActionItemsTable, CoesTable } from '../../platform/db/schema';
import { LOCKS, serialise } from '../../platform/db/serialise';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';

export type CoeRow = CoesTable;
export type ActionItemRow = CoeActionItemsTable;

export const today = (now: Date = new Date()) => now.toISOString().slice(0, 10);

export const presentCoe = (r: CoeRow, tags: string[] = []): Coe => ({
  id: r.id,
  number: r.number,
  title: r.title,
  team: r.team,
  status: r.status,
  services: JSON.parse(r.services_json),
  pulls: JSON.parse(r.pulls_json),
  tags,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export const presentItem = (r: ActionItemRow, now: Date = new Date()): ActionItem => ({
  id: r.id,
  coe: r.coe_number,
  title: r.title,
  owner: r.owner,
  team: r.team,
  dueDate: r.due_date,
  priority: r.priority,
  type: r.type,
  status: r.status,
  wontDoReason: r.wont_do_reason,
  link: r.link,
  overdue: (r.status === 'open' || r.status === 'in_progress') && r.due_date < today(now),
  closedAt: r.closed_at,
  version: r.version,
});

export function createCoeStore(db: Db, dialect: Dialect) {
  /** Tags of each COE given, sorted. */
  async function tags(trx: Db, coeIds: string[]) {
    const byCoe = new Map<string, string[]>(coeIds.map((id) => [id, []]));
    if (!coeIds.length) return byCoe;
    const rows = await trx.selectFrom('coe_tags').select(['coe_id', 'tag']).where('coe_id', 'in', coeIds).orderBy('tag').execute();
    for (const r of rows) byCoe.get(r.coe_id)!.push(r.tag);
    return byCoe;
  }

  return {
    byNumber: (trx: Db, n: number) => trx.selectFrom('coes').selectAll().where('number', '=', n).executeTakeFirst(),
    async nextNumber(trx: Db) {
      await serialise(trx, dialect, LOCKS.coeNumber);
      return Number((await trx.selectFrom('coes').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst())?.n ?? 0) + 1;
    },
    sections: (trx: Db, coeId: string) => trx.selectFrom('coe_sections').selectAll().where('coe_id', '=', coeId).execute(),
    items: (trx: Db, coeId: string) => trx.selectFrom('coe_action_items').selectAll().where('coe_id', '=', coeId).orderBy('due_date').orderBy('id').execute(),
    reviews: (trx: Db, coeId: string) => trx.selectFrom('coe_reviews').selectAll().where('coe_id', '=', coeId).orderBy('at').execute(),
    tags,
    async addTags(trx: Db, coeId: string, tags: string[]) {
      if (!tags.length) return false;
      const have = new Set((await trx.selectFrom('coe_tags').select('tag').where('coe_id', '=', coeId).execute()).map((r) => r.tag));
      const fresh = [...new Set(tags)].filter((t) => !have.has(t));
      if (fresh.length) await trx.insertInto('coe_tags').values(fresh.map((tag) => ({ coe_id: coeId, tag }))).execute();
      return fresh.length > 0;
    },
    removeTag: async (trx: Db, coeId: string, tag: string) => Number((await trx.deleteFrom('coe_tags').where('coe_id', '=', coeId).where('tag', '=', tag).executeTakeFirst()).numDeletedRows) > 0,
    comments: (trx: Db, coeId: string) => trx.selectFrom('coe_comments').selectAll().where('coe_id', '=', coeId).orderBy('at').orderBy('id').execute(),

    async touch(trx: Db, coe: CoeRow, set: Partial<CoeRow> = {}) {
      await trx.updateTable('coes').set({ ...set, version: coe.version + 1, updated_at: new Date().toISOString() }).where('id', '=', coe.id).execute();
    },

    /** Past COEs that share a service or a tag with this one, newest first. */
    async related(trx: Db, coe: CoeRow, tags: string[]) {
      const services: string[] = JSON.parse(coe.services_json);
      if (!services.length && !tags.length) return [];
      const tagged = tags.length ? new Set((await trx.selectFrom('coe_tags').select('coe_id').where('tag', 'in', tags).execute()).map((r) => r.coe_id)) : new Set<string>();
      const rows = await trx.selectFrom('coes').select(['id', 'number', 'title', 'services_json']).where('id', '!=', coe.id).orderBy('number', 'desc').limit(500).execute();
      return rows
        .filter((r) => tagged.has(r.id) || (JSON.parse(r.services_json) as string[]).some((s) => services.includes(s)))
        .slice(0, 10)
        .map((r) => ({ number: r.number, title: r.title }));
    },

    async list(query: { team?: string; status?: CoeRow['status']; service?: string; tag?: string; q?: string; from?: string; to?: string; limit: number; cursor?: string }) {
      let q = db.selectFrom('coes').selectAll();
      if (query.tag) q = q.where((eb) => eb.exists(eb.selectFrom('coe_tags as t').select('t.coe_id').whereRef('t.coe_id', '=', 'coes.id').where('t.tag', '=', query.tag!.trim().toLowerCase())));
      if (query.team) q = q.where('team', '=', query.team.toLowerCase());
      if (query.status) q = q.where('status', '=', query.status);
      if (query.from) q = q.where('created_at', '>=', `${query.from}T00:00:00.000Z`);
      if (query.to) q = q.where('created_at', '<=', `${query.to}T23:59:59.999Z`);
      if (query.service) q = q.where('services_json', 'like', `%"${query.service.toLowerCase().replace(/[%_"]/g, '')}%`);
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([
            eb(sql`lower(title)`, 'like', like),
            eb.exists(eb.selectFrom('coe_sections as s').select('s.coe_id').whereRef('s.coe_id', '=', 'coes.id').where(sql`lower(s.content_json)`, 'like', like)),
          ]),
        );
      }
      const before = decodeCursor(query.cursor);
      if (before) q = q.where('number', '<', Number(before));
      const rows = await q.orderBy('number', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const tagged = await tags(db, page.map((r) => r.id));
      return { items: page.map((r) => presentCoe(r, tagged.get(r.id))), nextCursor: rows.length > query.limit ? encodeCursor(String(page[page.length - 1].number)) : null };
    },

    async listItems(query: { owner?: string; team?: string; status: 'open' | 'closed' | 'all'; overdue?: 'true' | 'false'; limit: number; cursor?: string }, now: Date) {
      let q = db.selectFrom('coe_action_items').selectAll();
      if (query.owner) q = q.where('owner', '=', query.owner.toLowerCase());
      if (query.team) q = q.where('team', '=', query.team.toLowerCase());
      if (query.status === 'open') q = q.where('status', 'in', ['open', 'in_progress']);
      if (query.status === 'closed') q = q.where('status', 'in', ['done', 'wont_do']);
      if (query.overdue === 'true') q = q.where('status', 'in', ['open', 'in_progress']).where('due_date', '<', today(now));
      const after = decodeCursor(query.cursor);
      if (after) q = q.where(sql`due_date || '|' || id`, '>', after);
      const rows = await q.orderBy('due_date').orderBy('id').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return { items: page.map((r) => presentItem(r, now)), nextCursor: rows.length > query.limit ? encodeCursor(`${last.due_date}|${last.id}`) : null };
    },
  };
}
export type CoeStore = ReturnType<typeof createCoeStore>;
