import type { Db } from '../../platform/db/database';
import type { CatalogEntitiesTable, TeamsTable } from '../../platform/db/schema';
import { docKey, parseJson, proseOf, type SearchDocument } from './search-document';

/** What one audit entry means for the index: the documents to write again and the keys to drop. */
export interface Reindex {
  put: SearchDocument[];
  drop: string[];
}

/** Ids per `in (…)` list, well under either store's limit on bound values. */
const IDS_PER_QUERY = 500;
function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += IDS_PER_QUERY) out.push(values.slice(i, i + IDS_PER_QUERY));
  return out;
}

const nothing: Reindex = { put: [], drop: [] };
const lines = (...parts: (string | null | undefined)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join('\n');

type TeamFields = Pick<TeamsTable, 'id' | 'name' | 'display_name' | 'mission' | 'updated_at'>;
const TEAM_COLUMNS = ['id', 'name', 'display_name', 'mission', 'updated_at'] as const;

function teamDocument(row: TeamFields | undefined): Reindex {
  if (!row) return nothing; // a deleted team: its key is dropped from the entry's before-image (see dropKeys)
  return {
    put: [{ docKey: docKey('team', row.name), type: 'team', team: row.name, title: row.display_name, body: lines(row.name, row.mission), path: `/teams/${row.name}`, updatedAt: row.updated_at }],
    drop: [],
  };
}

async function team(trx: Db, id: string): Promise<Reindex> {
  return teamDocument(await trx.selectFrom('teams').select(TEAM_COLUMNS).where('id', '=', id).executeTakeFirst());
}

/** What many team entries mean for the index, read in a few queries: by team id. */
async function teams(trx: Db, ids: string[]): Promise<Map<string, Reindex>> {
  const rows = new Map<string, TeamFields>();
  for (const part of chunks([...new Set(ids)])) {
    for (const row of await trx.selectFrom('teams').select(TEAM_COLUMNS).where('id', 'in', part).execute()) rows.set(row.id, row);
  }
  return new Map(ids.map((id) => [id, teamDocument(rows.get(id))]));
}

const ENTITY_COLUMNS = ['ref_key', 'kind', 'namespace', 'name', 'title', 'description', 'owner_group', 'type', 'tier', 'lifecycle', 'tags_json', 'system_ref', 'updated_at'] as const;
type EntityFields = Pick<CatalogEntitiesTable, (typeof ENTITY_COLUMNS)[number]>;

function entityDocument(ref: string, row: EntityFields | undefined): Reindex {
  if (!row) return { put: [], drop: [docKey('service', ref)] };
  const tags = (parseJson(row.tags_json) as string[] | null) ?? [];
  return {
    put: [
      {
        docKey: docKey('service', ref),
        type: 'service',
        team: row.owner_group,
        title: row.title || row.name,
        body: lines(`${row.kind} ${row.name}`, row.description, row.type, row.lifecycle, row.tier && `tier ${row.tier}`, row.system_ref, tags.join(' ')),
        path: `/catalog/${row.kind.toLowerCase()}/${row.namespace}/${row.name}`,
        updatedAt: row.updated_at,
      },
    ],
    drop: [],
  };
}

async function entity(trx: Db, ref: string): Promise<Reindex> {
  return entityDocument(ref, await trx.selectFrom('catalog_entities').select(ENTITY_COLUMNS).where('ref_key', '=', ref).executeTakeFirst());
}

/** What many catalog entries mean for the index, read in a few queries: by reference. */
async function entities(trx: Db, refs: string[]): Promise<Map<string, Reindex>> {
  const rows = new Map<string, EntityFields>();
  for (const part of chunks([...new Set(refs)])) {
    for (const row of await trx.selectFrom('catalog_entities').select(ENTITY_COLUMNS).where('ref_key', 'in', part).execute()) rows.set(row.ref_key, row);
  }
  return new Map(refs.map((ref) => [ref, entityDocument(ref, rows.get(ref))]));
}

async function coe(trx: Db, id: string): Promise<Reindex> {
  const row = await trx.selectFrom('coes').select(['number', 'title', 'team', 'status', 'updated_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return nothing;
  const sections = await trx.selectFrom('coe_sections').select(['content_json']).where('coe_id', '=', id).orderBy('name').execute();
  const items = await trx.selectFrom('coe_action_items').select(['title', 'wont_do_reason']).where('coe_id', '=', id).orderBy('created_at').execute();
  const body = lines(...sections.flatMap((s) => proseOf(parseJson(s.content_json))), ...items.flatMap((i) => [i.title, i.wont_do_reason]));
  return {
    put: [{ docKey: docKey('coe', String(row.number)), type: 'coe', team: row.team, title: `COE #${row.number}: ${row.title}`, body, path: `/coes/${row.number}`, updatedAt: row.updated_at }],
    drop: [],
  };
}

async function actionItem(trx: Db, id: string): Promise<Reindex> {
  const item = await trx.selectFrom('coe_action_items').select('coe_id').where('id', '=', id).executeTakeFirst();
  return item ? coe(trx, item.coe_id) : nothing;
}

async function experiment(trx: Db, id: string): Promise<Reindex> {
  const row = await trx
    .selectFrom('experiments')
    .select(['key', 'name', 'hypothesis', 'team', 'status', 'decision', 'lesson', 'decided_by', 'decided_at', 'created_at', 'started_at', 'stopped_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return nothing;
  const changed = row.decided_at ?? row.stopped_at ?? row.started_at ?? row.created_at;
  const put: SearchDocument[] = [
    { docKey: docKey('experiment', row.key), type: 'experiment', team: row.team, title: row.name || row.key, body: lines(row.key, row.hypothesis, row.lesson), path: `/experiments/${row.key}`, updatedAt: changed },
  ];
  if (row.decision && row.decided_at) {
    put.push({
      docKey: docKey('decision', `experiment:${row.key}`),
      type: 'decision',
      team: row.team,
      title: `Experiment ${row.name || row.key}: ${row.decision}`,
      body: lines(`decided by ${row.decided_by ?? 'unknown'}`, row.lesson, row.hypothesis),
      path: `/experiments/${row.key}`,
      updatedAt: row.decided_at,
    });
  }
  return { put, drop: [] };
}

async function prfaq(trx: Db, id: string): Promise<Reindex> {
  const row = await trx.selectFrom('prfaqs').select(['number', 'title', 'team', 'customer', 'author', 'updated_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return nothing;
  const sections = await trx.selectFrom('prfaq_sections').select(['content_json']).where('prfaq_id', '=', id).orderBy('name').execute();
  const put: SearchDocument[] = [
    {
      docKey: docKey('prfaq', String(row.number)),
      type: 'prfaq',
      team: row.team,
      title: `PR/FAQ #${row.number}: ${row.title}`,
      body: lines(`for ${row.customer}`, ...sections.flatMap((s) => proseOf(parseJson(s.content_json)))),
      path: `/prfaqs/${row.number}`,
      updatedAt: row.updated_at,
    },
  ];
  const decisions = await trx
    .selectFrom('prfaq_decisions')
    .select(['id', 'door', 'state', 'outcome', 'decided_by', 'decided_at', 'requested_at', 'reasons', 'would_change_mind'])
    .where('prfaq_id', '=', id)
    .execute();
  for (const d of decisions) {
    const events = await trx.selectFrom('prfaq_decision_events').select(['by_name', 'reasons', 'would_change_mind']).where('decision_id', '=', d.id).orderBy('at').execute();
    const door = d.door === 'one_way' ? 'one-way door' : 'two-way door';
    put.push({
      docKey: docKey('decision', `prfaq:${d.id}`),
      type: 'decision',
      team: row.team,
      title: `PR/FAQ #${row.number} ${row.title}: ${d.outcome ?? 'awaiting a decision'} (${door})`,
      body: lines(d.decided_by && `decided by ${d.decided_by}`, d.reasons, d.would_change_mind, ...events.flatMap((e) => [e.reasons, e.would_change_mind])),
      path: `/prfaqs/${row.number}`,
      updatedAt: d.decided_at ?? d.requested_at,
    });
  }
  return { put, drop: [] };
}

/** Index readers by audit entity type. Types not here (people, tokens, webhooks, settings) are not searched. */
export const sources: Record<string, (trx: Db, id: string) => Promise<Reindex>> = {
  team,
  catalog_entity: entity,
  coe,
  action_item: actionItem,
  experiment,
  prfaq,
  prfaq_decision: async (trx, id) => {
    const d = await trx.selectFrom('prfaq_decisions').select('prfaq_id').where('id', '=', id).executeTakeFirst();
    return d ? prfaq(trx, d.prfaq_id) : nothing;
  },
};

/** Readers of many entries of one type at once, by id, for the types written in bulk (an import): the
 *  same answers as `sources`, in a few queries. */
export const manySources: Record<string, (trx: Db, ids: string[]) => Promise<Map<string, Reindex>>> = {
  team: teams,
  catalog_entity: entities,
};

/** Every searchable document there is, for a rebuild: the ids each source reads. */
export async function allSourceIds(trx: Db): Promise<[string, string[]][]> {
  const ids = async (table: 'teams' | 'coes' | 'experiments' | 'prfaqs') => (await trx.selectFrom(table).select('id').execute()).map((r) => r.id);
  return [
    ['team', await ids('teams')],
    ['catalog_entity', (await trx.selectFrom('catalog_entities').select('ref_key').execute()).map((r) => r.ref_key)],
    ['coe', await ids('coes')],
    ['experiment', await ids('experiments')],
    ['prfaq', await ids('prfaqs')],
  ];
}
