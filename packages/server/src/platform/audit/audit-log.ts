import type { Db, Dialect } from '../db/database';
import { createBulkWriter, type BulkWriter } from '../db/bulk-writer';
import type { AuditEventsTable } from '../db/schema';
import { nowIso, sha256 } from '../ids';
import { LOCKS, serialise } from '../db/serialise';

export interface Actor {
  id: string;
  name: string;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Told of every entry inside the writer's transaction, after the entry is written: derived data (the
 *  search index) is kept in step with the write it follows, and commits or vanishes with it. Entries
 *  written together (recordMany) come in one call, in the order they were written. */
export type AuditObserver = (trx: Db, records: AuditRecord[]) => Promise<void>;

export const GENESIS_HASH = '0'.repeat(64);

/** Every stored field of an entry but its own hash. */
export type ChainedFields = Omit<AuditEventsTable, 'hash'>;

/** The hash of an entry covers every stored field and the previous entry's hash. */
export function entryHash(e: ChainedFields): string {
  return sha256(
    [e.seq, e.at, e.actor_id, e.actor_name, e.action, e.entity_type, e.entity_id, e.before_json ?? '', e.after_json ?? '', e.prev_hash].join('\u001f'),
  );
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends to the hash-chained audit log inside the caller's transaction, so the write and its record
 *  commit or vanish together. On PostgreSQL a transaction-scoped advisory lock keeps the chain linear
 *  across instances; SQLite transactions are serial already. */
export function createAuditLog(dialect: Dialect) {
  // The head of the chain as this transaction last wrote it: once a transaction holds the chain (the lock
  // on PostgreSQL, the only connection on SQLite), nobody else can append until it ends.
  const heads = new WeakMap<Db, { seq: number; hash: string }>();
  const observers: AuditObserver[] = [];

  /** The rows of these entries, each linked to the one before it, starting at the head of the chain. */
  async function chain(trx: Db, actor: Actor, records: AuditRecord[]): Promise<AuditEventsTable[]> {
    let last = heads.get(trx);
    if (!last) {
      await serialise(trx, dialect, LOCKS.audit);
      last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    }
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS_HASH;
    const rows = records.map((record): AuditEventsTable => {
      const fields: ChainedFields = {
        seq: ++seq,
        at: nowIso(),
        actor_id: actor.id,
        actor_name: actor.name,
        action: record.action,
        entity_type: record.entityType,
        entity_id: record.entityId,
        before_json: json(record.before),
        after_json: json(record.after),
        prev_hash: prev,
      };
      prev = entryHash(fields);
      return { ...fields, hash: prev };
    });
    return rows;
  }

  /** Once the rows are written: the head this transaction appends to next. */
  function advance(trx: Db, rows: AuditEventsTable[]): void {
    const head = rows[rows.length - 1];
    if (trx.isTransaction) heads.set(trx, { seq: head.seq, hash: head.hash });
  }

  return {
    /** Adds an observer; capabilities record their entries after their rows are written, so an observer
     *  that reads the entity sees it as the transaction leaves it. */
    observe(observer: AuditObserver): void {
      observers.push(observer);
    },
    async record(trx: Db, actor: Actor, record: AuditRecord): Promise<void> {
      const [row] = await chain(trx, actor, [record]);
      await trx.insertInto('audit_events').values(row).execute();
      advance(trx, [row]);
      for (const observer of observers) await observer(trx, [record]);
    },

    /** Many entries by one actor, in this order, linked exactly as one record() after another would link
     *  them, written together (see BulkWriter; without createBulkWriter(database), multi-row statements). */
    async recordMany(trx: Db, actor: Actor, records: AuditRecord[], bulk: BulkWriter = createBulkWriter({})): Promise<void> {
      if (records.length === 0) return;
      const rows = await chain(trx, actor, records);
      await bulk.insert(trx, 'audit_events', rows);
      advance(trx, rows);
      for (const observer of observers) await observer(trx, records);
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
