import { push } from '../../platform/multimap';
import { sql } from 'kysely';
import type { CatalogEntity } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { BulkWriter } from '../../platform/db/bulk-writer';
import type { CatalogEntitiesTable } from '../../platform/db/schema';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { newId, nowIso } from '../../platform/ids';
import type { EntityContent, RelationContent } from './catalog-normalise';
import { presentEntity } from './catalog-present';
import { parseRef } from './entity-ref';

export type EntityRow = CatalogEntitiesTable;

const CHUNK = 500;
function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

export interface CatalogQuery {
  q?: string;
  kind?: string;
  owner?: string;
  lifecycle?: string;
  tag?: string;
  system?: string;
  limit: number;
  cursor?: string;
}

/** `bulk` writes new entities and relations (see platform/db/bulk-writer.ts). */
export function createCatalogStore(db: Db, bulk: BulkWriter) {
  async function relationsOf(trx: Db, ids: string[]) {
    const map = new Map<string, RelationContent[]>();
    for (const part of chunks(ids)) {
      const rows = await trx.selectFrom('catalog_relations').select(['source_id', 'type', 'target_ref']).where('source_id', 'in', part).execute();
      for (const r of rows) push(map, r.source_id, { type: r.type, target_ref: r.target_ref });
    }
    return map;
  }

  /** Team names (as written) for owner groups that resolve to a Day One team. */
  async function teamsFor(trx: Db, groups: (string | null)[]) {
    const wanted = [...new Set(groups.filter((g): g is string => !!g))];
    const map = new Map<string, string>();
    for (const part of chunks(wanted)) {
      const rows = await trx.selectFrom('teams').select('name').where(sql<string>`lower(name)`, 'in', part).execute();
      for (const r of rows) map.set(r.name.toLowerCase(), r.name);
    }
    return map;
  }

  async function present(trx: Db, rows: EntityRow[]): Promise<CatalogEntity[]> {
    const relations = await relationsOf(trx, rows.map((r) => r.id));
    const teams = await teamsFor(trx, rows.map((r) => r.owner_group));
    return rows.map((r) => presentEntity(r, relations.get(r.id) ?? [], r.owner_group ? teams.get(r.owner_group) ?? null : null));
  }

  /** The row a new entity gets (written by insert, or with others by insertMany). */
  function newRow(content: EntityContent): EntityRow {
    const now = nowIso();
    return { id: newId(), ...content, version: 1, created_at: now, updated_at: now };
  }

  /** Replaces an entity's outgoing relations (a new entity has none to remove). */
  async function writeRelations(trx: Db, id: string, relations: RelationContent[], isNew = false) {
    if (!isNew) await trx.deleteFrom('catalog_relations').where('source_id', '=', id).execute();
    await bulk.upsert(trx, 'catalog_relations', relations.map((r) => ({ source_id: id, type: r.type, target_ref: r.target_ref })));
  }

  /** Which of these references name something that exists: catalog entities, teams (group:) or people (user:). */
  async function existing(trx: Db, refs: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const catalogRefs = refs.filter((r) => !r.startsWith('group:') && !r.startsWith('user:'));
    for (const part of chunks(catalogRefs)) {
      for (const r of await trx.selectFrom('catalog_entities').select('ref_key').where('ref_key', 'in', part).execute()) found.add(r.ref_key);
    }
    const names = (prefix: string) => refs.filter((r) => r.startsWith(prefix)).map((r) => parseRef(r, {}).name);
    const teams = await teamsFor(trx, names('group:'));
    for (const r of refs) if (r.startsWith('group:') && teams.has(parseRef(r, {}).name)) found.add(r);
    for (const part of chunks(names('user:'))) {
      const rows = await trx.selectFrom('people').select('name').where(sql<string>`lower(name)`, 'in', part).execute();
      const have = new Set(rows.map((p) => p.name.toLowerCase()));
      for (const r of refs) if (r.startsWith('user:') && have.has(parseRef(r, {}).name)) found.add(r);
    }
    return found;
  }

  return {
    present,
    existing,

    byRef: (trx: Db, ref: string) => trx.selectFrom('catalog_entities').selectAll().where('ref_key', '=', ref).executeTakeFirst(),

    /** Many entities by reference, a few queries for all of them; those not in the catalog are absent. */
    async byRefs(trx: Db, refs: string[]): Promise<Map<string, EntityRow>> {
      const found = new Map<string, EntityRow>();
      for (const part of chunks([...new Set(refs)])) {
        for (const row of await trx.selectFrom('catalog_entities').selectAll().where('ref_key', 'in', part).execute()) found.set(row.ref_key, row);
      }
      return found;
    },

    newRow,

    async insert(trx: Db, content: EntityContent, relations: RelationContent[]): Promise<EntityRow> {
      const row = newRow(content);
      await bulk.upsert(trx, 'catalog_entities', [row]);
      await writeRelations(trx, row.id, relations, true);
      return row;
    },

    /** New entities (rows from newRow) and their relations, all rows of a table in one bulk write. */
    async insertMany(trx: Db, entries: { row: EntityRow; relations: RelationContent[] }[]): Promise<void> {
      await bulk.insert(trx, 'catalog_entities', entries.map((e) => e.row));
      await bulk.insert(trx, 'catalog_relations', entries.flatMap((e) => e.relations.map((r) => ({ source_id: e.row.id, type: r.type, target_ref: r.target_ref }))));
    },

    /** Writes new content only over the version the caller read; false when someone got there first. */
    async update(trx: Db, current: EntityRow, content: EntityContent, relations: RelationContent[]): Promise<EntityRow | null> {
      const row: EntityRow = { ...current, ...content, version: current.version + 1, updated_at: nowIso() };
      const { id: _id, created_at: _c, ...set } = row;
      const result = await trx.updateTable('catalog_entities').set(set).where('id', '=', current.id).where('version', '=', current.version).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return null;
      await writeRelations(trx, row.id, relations);
      return row;
    },

    async remove(trx: Db, row: EntityRow): Promise<boolean> {
      await trx.deleteFrom('catalog_relations').where('source_id', '=', row.id).execute();
      const result = await trx.deleteFrom('catalog_entities').where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    /** Relations pointing at this entity, read from the other side (dependencyOf, apiProvidedBy, …). */
    incoming: (trx: Db, ref: string) =>
      trx
        .selectFrom('catalog_relations as r')
        .innerJoin('catalog_entities as e', 'e.id', 'r.source_id')
        .select(['r.type', 'e.ref_key', 'e.title'])
        .where('r.target_ref', '=', ref)
        .orderBy('e.ref_key')
        .limit(5000)
        .execute(),

    titles: async (trx: Db, refs: string[]) => {
      const map = new Map<string, string | null>();
      for (const part of chunks(refs)) {
        for (const r of await trx.selectFrom('catalog_entities').select(['ref_key', 'title']).where('ref_key', 'in', part).execute()) map.set(r.ref_key, r.title);
      }
      return map;
    },

    async list(query: CatalogQuery) {
      let q = db.selectFrom('catalog_entities').selectAll();
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        q = q.where((eb) => eb.or([eb(sql`lower(name)`, 'like', like), eb(sql`lower(title)`, 'like', like), eb(sql`lower(description)`, 'like', like)]));
      }
      if (query.kind) q = q.where('kind', '=', query.kind as EntityRow['kind']);
      if (query.owner) {
        const owner = query.owner.toLowerCase();
        q = owner.includes(':') ? q.where('owner_ref', '=', owner) : q.where('owner_group', '=', owner);
      }
      if (query.lifecycle) q = q.where('lifecycle', '=', query.lifecycle as EntityRow['lifecycle']);
      if (query.tag) q = q.where('tags_json', 'like', `%"${query.tag.toLowerCase().replace(/[%_"]/g, '')}"%`);
      if (query.system) {
        const system = query.system.toLowerCase();
        q = q.where('system_ref', '=', system.includes(':') ? system : `system:default/${system}`);
      }
      const after = decodeCursor(query.cursor);
      if (after) q = q.where('ref_key', '>', after);
      const rows = await q.orderBy('ref_key').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const items = (await present(db, page)).map(({ definition: _d, ...rest }) => rest);
      return { items, nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].ref_key) : null };
    },

    /** What a team owns, for its page and to refuse deleting a team that still owns things. */
    ownedBy: async (trx: Db, teamName: string) =>
      (await trx.selectFrom('catalog_entities').select(['kind', 'ref_key']).where('owner_group', '=', teamName.toLowerCase()).orderBy('ref_key').limit(1000).execute()).map(
        (r) => ({ kind: r.kind, name: r.ref_key }),
      ),

    /** How many components each team (lower-case name) owns, in one query. */
    async componentsPerTeam(trx: Db = db): Promise<Map<string, number>> {
      const rows = await trx
        .selectFrom('catalog_entities')
        .select(['owner_group'])
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('kind', '=', 'Component')
        .where('owner_group', 'is not', null)
        .groupBy('owner_group')
        .execute();
      return new Map(rows.map((r) => [r.owner_group!, Number(r.n)]));
    },

    /** Everything the health analysis needs, in two queries. */
    async graph() {
      const entities = await db.selectFrom('catalog_entities').select(['id', 'ref_key', 'kind', 'owner_ref', 'owner_group', 'title']).execute();
      const relations = await db.selectFrom('catalog_relations').select(['source_id', 'type', 'target_ref']).execute();
      const teams = await db
        .selectFrom('teams as t')
        .select(['t.name'])
        .select((eb) => eb.selectFrom('team_members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.team_id', '=', 't.id').as('members'))
        .execute();
      const people = await db.selectFrom('people').select('name').execute();
      return { entities, relations, teams, people };
    },
  };
}
export type CatalogStore = ReturnType<typeof createCatalogStore>;
