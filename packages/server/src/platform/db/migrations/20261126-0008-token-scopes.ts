import type { Kysely } from 'kysely';

/** API tokens carry scopes (space-separated, as in OAuth). Tokens made before scopes existed could do
 *  everything their owner could: they get `read write`, and `admin` too when the owner is an admin. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('scopes', 'varchar(200)', (c) => c.notNull().defaultTo('read write')).execute();
  await db
    .updateTable('api_tokens')
    .set({ scopes: 'read write admin' })
    .where('person_id', 'in', db.selectFrom('people').select('id').where('role', '=', 'admin'))
    .execute();
}
