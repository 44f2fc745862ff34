import { migrate, type DatabaseHandle } from '../db/database';
import { readBackupEvents, readBackupHeader } from './backup-reader';
import type { BackupColumn, BackupHeader } from './backup-format';
import { BackupRefusal, redactUrl } from './backup-refusal';
import { qualified, resetSequences, tableInserter, type TableTarget } from './restore-insert';
import { schemaReference, tablesWithData, type SchemaReference } from './schema-reference';
import { appliedMigrations, knownMigrations } from './schema-version';
import { parentsFirst, selfReferences, tableOrder } from './table-order';
import { readTableSchemas, type TableSchema } from './table-schema';

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** The schema version of the backup, which the target was brought to before loading. */
  schemaVersion: string[];
  /** Migrations run after loading, to bring a backup of an earlier version up to this one. */
  migratedAfter: string[];
  sourceDialect: BackupHeader['sourceDialect'];
  createdAt: string;
}

/** Loads a backup into an empty database of either kind. Everything that could refuse it (format,
 *  versions, a target that holds data, a damaged file) is checked before anything is written; then the
 *  target is migrated to the backup's schema version, every row goes in inside one transaction in
 *  foreign-key order, and the migrations of later versions run on the result. */
export async function restoreBackup(handle: DatabaseHandle, file: string): Promise<RestoreSummary> {
  const header = await readBackupHeader(file);
  checkSchemaVersion(file, header.schemaVersion);
  const applied = await appliedMigrations(handle.db, handle.dialect, handle.schema);
  if (applied.some((name, i) => header.schemaVersion[i] !== name)) {
    throw new BackupRefusal(
      'BACKUP_SCHEMA_MISMATCH',
      `the target database has migrations the backup does not (${applied.filter((m) => !header.schemaVersion.includes(m)).join(', ') || applied.join(', ')}); restore into a new, empty database or schema, which restore brings to the backup's version itself`,
    );
  }
  await refuseData(handle, handle.db, await schemaReference(applied.at(-1)));
  const reference = await schemaReference(header.schemaVersion.at(-1));
  await checkBackup(file, reference);

  await migrate(handle, header.schemaVersion.at(-1));
  const tables = await readTableSchemas(handle.db, handle.dialect, handle.schema);
  const counts = await handle.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction, so nothing written in between is overwritten.
    await refuseData(handle, trx, reference);
    const target: TableTarget = { trx, dialect: handle.dialect, schema: handle.schema };
    for (const table of [...tableOrder(tables)].reverse()) await target.trx.deleteFrom(qualified(target, table.name)).execute();
    const loaded = await loadRows(target, tables, file);
    await resetSequences(target, tables);
    return loaded;
  });
  await migrate(handle);
  const migratedAfter = (await appliedMigrations(handle.db, handle.dialect, handle.schema)).filter((m) => !header.schemaVersion.includes(m));
  return { ...counts, schemaVersion: header.schemaVersion, migratedAfter, sourceDialect: header.sourceDialect, createdAt: header.createdAt };
}

/** The backup's migrations must be ones this version knows, and all of them up to its latest. */
function checkSchemaVersion(file: string, schemaVersion: string[]): void {
  const unknown = schemaVersion.filter((m) => !knownMigrations.includes(m));
  if (unknown.length > 0) {
    throw new BackupRefusal('BACKUP_SCHEMA_MISMATCH', `${file} was made by a newer version of Day One (migrations ${unknown.join(', ')} are unknown here); upgrade Day One first`);
  }
  const expected = knownMigrations.slice(0, knownMigrations.indexOf(schemaVersion.at(-1)!) + 1);
  if (schemaVersion.length === 0 || expected.join() !== schemaVersion.join()) {
    throw new BackupRefusal('BACKUP_SCHEMA_MISMATCH', `${file} has schema version [${schemaVersion.join(', ')}], which no version of Day One's migrations produce`);
  }
}

async function refuseData(handle: DatabaseHandle, db: DatabaseHandle['db'], reference: SchemaReference): Promise<void> {
  const found = await tablesWithData(db, handle.dialect, handle.schema, reference.seeds);
  if (found.length > 0) {
    const where = handle.dialect === 'postgres' ? `schema ${handle.schema} of ${redactUrl(handle.url)}` : handle.file;
    throw new BackupRefusal(
      'RESTORE_TARGET_NOT_EMPTY',
      `the target database (${where}) is not empty: ${found.map((f) => `${f.table} has ${f.rows} row${f.rows === 1 ? '' : 's'}`).join(', ')}; restore only into a new, empty database`,
    );
  }
}

/** The whole file is read once without writing, so a damaged file or one whose tables do not match the
 *  schema is refused before the target changes. */
async function checkBackup(file: string, reference: SchemaReference): Promise<void> {
  const expected = new Map(reference.tables.map((t) => [t.name, t]));
  const found = new Set<string>();
  for await (const event of readBackupEvents(file)) {
    if (event.kind !== 'table') continue;
    const table = expected.get(event.table.name);
    if (!table) throw new BackupRefusal('BACKUP_SCHEMA_MISMATCH', `${file} holds table ${event.table.name}, which its schema version does not have`);
    const have = event.table.columns.map((c) => c.name).sort().join(', ');
    const want = table.columns.map((c) => c.name).sort().join(', ');
    if (have !== want) throw new BackupRefusal('BACKUP_SCHEMA_MISMATCH', `${file}: table ${table.name} has columns (${have}), but its schema version has (${want})`);
    found.add(table.name);
  }
  const missing = [...expected.keys()].filter((name) => !found.has(name));
  if (missing.length > 0) throw new BackupRefusal('BACKUP_SCHEMA_MISMATCH', `${file} lacks tables ${missing.join(', ')}`);
}

interface HeldTable {
  columns: BackupColumn[];
  rows: unknown[][];
}

/** Inserts tables in the order the target's foreign keys require. A table is streamed into the database
 *  when its turn has come (backups are written in that order); one that arrives early, or that refers to
 *  itself, is held in memory until its turn. */
async function loadRows(target: TableTarget, tables: TableSchema[], file: string): Promise<{ tables: number; rows: number }> {
  const order = tableOrder(tables).map((t) => t.name);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const held = new Map<string, HeldTable>();
  let next = 0;
  let rows = 0;
  let streaming: ReturnType<typeof tableInserter> | null = null;
  let holding: HeldTable | null = null;

  const insertHeld = async (name: string, table: HeldTable) => {
    const schema = byName.get(name)!;
    const self = selfReferences(schema);
    const inserter = tableInserter(target, schema, table.columns);
    const ordered = self.length > 0 ? parentsFirst(table.rows, table.columns.map((c) => c.name), self) : table.rows;
    for (const row of ordered) await inserter.add(row);
    await inserter.flush();
  };
  const drainHeld = async () => {
    while (next < order.length && held.has(order[next])) {
      await insertHeld(order[next], held.get(order[next])!);
      held.delete(order[next]);
      next += 1;
    }
  };

  for await (const event of readBackupEvents(file)) {
    if (event.kind === 'table') {
      const schema = byName.get(event.table.name)!;
      const inTurn = order[next] === schema.name && selfReferences(schema).length === 0;
      streaming = inTurn ? tableInserter(target, schema, event.table.columns) : null;
      holding = inTurn ? null : { columns: event.table.columns, rows: [] };
    } else if (event.kind === 'row') {
      rows += 1;
      if (streaming) await streaming.add(event.values);
      else holding!.rows.push(event.values);
    } else if (streaming) {
      await streaming.flush();
      next += 1;
      await drainHeld();
    } else {
      held.set(event.table.name, holding!);
      await drainHeld();
    }
  }
  return { tables: order.length, rows };
}
