import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/database';
import { migrations } from '../db/migrations/index';

/** Every migration this version of Day One knows, in the order the migrator applies them. */
export const knownMigrations: string[] = Object.keys(migrations).sort();

/** The migrations applied to a database, in order; none when it has never been migrated. */
export async function appliedMigrations(db: Kysely<any>, dialect: Dialect, schema = 'public'): Promise<string[]> {
  const exists =
    dialect === 'sqlite'
      ? await sql`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db)
      : await sql`select 1 from information_schema.tables where table_schema = ${schema} and table_name = 'kysely_migration'`.execute(db);
  if (exists.rows.length === 0) return [];
  const table = dialect === 'sqlite' ? sql.table('kysely_migration') : sql.table(`${schema}.kysely_migration`);
  const { rows } = await sql<{ name: string }>`select name from ${table} order by name`.execute(db);
  return rows.map((r) => r.name);
}
