import type { CatalogEntityDetail, CatalogEntityFields, CreateCatalogEntity } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import { transactOrConflict } from '../../platform/db/database';
import type { AuditLog, AuditRecord } from '../../platform/audit/audit-log';
import type { BulkWriter } from '../../platform/db/bulk-writer';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { mergeFields, normaliseEntity, type EntityContent, type NormalisedEntity, type RelationContent } from './catalog-normalise';
import { entityAsInput } from './catalog-present';
import type { CatalogStore, EntityRow } from './catalog-store';
import { refusalToChange, type Refusal } from './catalog-policy';
import { formatRef } from './entity-ref';
import type { DependencyIndex } from './dependency-index';

const INVERSE = { dependsOn: 'dependencyOf', providesApi: 'apiProvidedBy', consumesApi: 'apiConsumedBy', partOf: 'hasPart' } as const;

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

/** What a caller writing many entities in one transaction (the import) knows already. */
export interface UpsertContext {
  /** The input, normalised. */
  normalised?: NormalisedEntity;
  /** The entity as the transaction has it now (null: not in the catalog), read with others in one query. */
  current?: EntityRow | null;
  /** The edit rule, answered once per owner group (see refusalsWithin). */
  refusal?: Refusal;
  /** Where new entities and audit entries wait to be written together (see writeBatch). */
  batch?: WriteBatch;
}

/** Writes of one actor's many entities in one transaction, gathered so that each table gets a few bulk
 *  writes instead of statements per entity: new entities (with their relations) and audit entries wait,
 *  in order, until flush. Flush before anything reads or changes stored entities or relations. */
export interface WriteBatch {
  insert(content: EntityContent, relations: RelationContent[]): EntityRow;
  record(record: AuditRecord): void;
  flush(trx: Db): Promise<void>;
}

export function createCatalogService({ db, store, audit, index, bulk }: { db: Db; store: CatalogStore; audit: AuditLog; index: DependencyIndex; bulk?: BulkWriter }) {
  async function mustFind(trx: Db, ref: string): Promise<EntityRow> {
    const row = await store.byRef(trx, ref);
    if (!row) throw new AppError('CATALOG_ENTITY_NOT_FOUND', `Nothing in the catalog is ${ref}.`);
    return row;
  }

  async function detail(trx: Db, row: EntityRow): Promise<CatalogEntityDetail> {
    const [entity] = await store.present(trx, [row]);
    const outgoing: { type: keyof typeof INVERSE | 'ownedBy'; target: string }[] = [
      ...(entity.owner ? [{ type: 'ownedBy' as const, target: entity.owner }] : []),
      ...entity.dependsOn.map((target) => ({ type: 'dependsOn' as const, target })),
      ...entity.providesApis.map((target) => ({ type: 'providesApi' as const, target })),
      ...entity.consumesApis.map((target) => ({ type: 'consumesApi' as const, target })),
      ...[entity.system, entity.domain].filter((t): t is string => !!t).map((target) => ({ type: 'partOf' as const, target })),
    ];
    const found = await store.existing(trx, outgoing.map((o) => o.target));
    const titles = await store.titles(trx, outgoing.map((o) => o.target));
    const incoming = (await store.incoming(trx, row.ref_key)).map((r) => ({ type: INVERSE[r.type], target: r.ref_key, exists: true, title: r.title }));
    return {
      ...entity,
      relations: [...outgoing.map((o) => ({ ...o, exists: found.has(o.target), title: titles.get(o.target) ?? null })), ...incoming],
    };
  }

  async function assertMay(trx: Db, actor: Principal, groups: (string | null)[], refusal?: Refusal) {
    const why = await (refusal ? refusal(groups) : refusalToChange(trx, actor, groups));
    if (why) throw new AppError('CATALOG_EDIT_FORBIDDEN', `Refused: ${why}.`);
  }

  /** Creates or replaces an entity in the caller's transaction, with its audit entry; idempotent. */
  async function upsert(trx: Db, actor: Principal, input: CreateCatalogEntity, expectedVersion?: number, known: UpsertContext = {}): Promise<{ outcome: WriteOutcome; row: EntityRow }> {
    const { content, relations } = known.normalised ?? normaliseEntity(input);
    const current = known.current !== undefined ? known.current : await store.byRef(trx, content.ref_key);
    const { batch } = known;
    const record = (entry: AuditRecord) => (batch ? batch.record(entry) : audit.record(trx, actor, entry));
    if (!current) {
      await assertMay(trx, actor, [content.owner_group], known.refusal);
      const row = batch ? batch.insert(content, relations) : await store.insert(trx, content, relations);
      await record({ action: 'catalog.entity_created', entityType: 'catalog_entity', entityId: row.ref_key, after: input });
      return { outcome: 'created', row };
    }
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new AppError('PRECONDITION_FAILED', `${current.ref_key} is at version ${current.version}, not ${expectedVersion}; reload it and apply your change again.`);
    }
    if (current.content_hash === content.content_hash) return { outcome: 'unchanged', row: current };
    await assertMay(trx, actor, [current.owner_group, content.owner_group], known.refusal);
    // The entity may be one the batch has yet to write (named twice in an import).
    await batch?.flush(trx);
    const before = entityAsInput((await store.present(trx, [current]))[0]);
    const row = await store.update(trx, current, content, relations);
    if (!row) throw new AppError('PRECONDITION_FAILED', `${current.ref_key} changed while this write was running; reload it.`);
    await record({ action: 'catalog.entity_updated', entityType: 'catalog_entity', entityId: row.ref_key, before, after: input });
    return { outcome: 'updated', row };
  }

  /** A WriteBatch for one actor inside one transaction. */
  function writeBatch(actor: Principal): WriteBatch {
    let entities: { row: EntityRow; relations: RelationContent[] }[] = [];
    let records: AuditRecord[] = [];
    return {
      insert(content, relations) {
        const row = store.newRow(content);
        entities.push({ row, relations });
        return row;
      },
      record(entry) {
        records.push(entry);
      },
      async flush(trx) {
        const [writing, recording] = [entities, records];
        entities = [];
        records = [];
        if (writing.length) await store.insertMany(trx, writing);
        // After the rows: the audit log's observers (the search index) read the entities as written.
        await audit.recordMany(trx, actor, recording, bulk);
      },
    };
  }

  const transact = <T>(work: (trx: Db) => Promise<T>): Promise<T> =>
    transactOrConflict(db, work, () => new AppError('CATALOG_ENTITY_EXISTS', 'The same entity was registered at the same moment; reload it.'));

  const refOf = (kind: string, namespace: string, name: string) => formatRef({ kind, namespace, name });

  return {
    upsert,
    writeBatch,
    detail: (ref: string) => transact(async (trx) => detail(trx, await mustFind(trx, ref))),
    refOf,

    create: (actor: Principal, input: CreateCatalogEntity) =>
      transact(async (trx) => {
        const ref = normaliseEntity(input).content.ref_key;
        if (await store.byRef(trx, ref)) throw new AppError('CATALOG_ENTITY_EXISTS', `${ref} is in the catalog already; edit it instead.`);
        return detail(trx, (await upsert(trx, actor, input)).row);
      }),

    update: (actor: Principal, ref: string, expected: number, patch: CatalogEntityFields) =>
      transact(async (trx) => {
        const current = await mustFind(trx, ref);
        const input = mergeFields(entityAsInput((await store.present(trx, [current]))[0]), patch);
        return detail(trx, (await upsert(trx, actor, input, expected)).row);
      }),

    /** Retiring removes the entity; references to it stay, and show up as dangling. */
    retire: (actor: Principal, ref: string, expected: number) =>
      transact(async (trx) => {
        const current = await mustFind(trx, ref);
        if (current.version !== expected) throw new AppError('PRECONDITION_FAILED', `${ref} is at version ${current.version}, not ${expected}; reload it first.`);
        await assertMay(trx, actor, [current.owner_group]);
        const before = entityAsInput((await store.present(trx, [current]))[0]);
        if (!(await store.remove(trx, current))) throw new AppError('PRECONDITION_FAILED', `${ref} changed while it was being retired; reload it.`);
        await audit.record(trx, actor, { action: 'catalog.entity_retired', entityType: 'catalog_entity', entityId: ref, before });
      }),

    /** Everything that depends on an entity, directly or (transitively) through others, with the shortest distance. */
    async dependents(ref: string, transitive: boolean) {
      await transact((trx) => mustFind(trx, ref));
      return { ref, items: await index.dependents(ref, transitive) };
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
