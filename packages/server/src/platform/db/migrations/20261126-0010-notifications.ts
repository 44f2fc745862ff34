import type { Kysely } from 'kysely';

/** The in-app inbox: one row per notice to one person; read_at stays null until they read it. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('recipient_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('notifications_recipient').on('notifications').columns(['recipient_id', 'read_at', 'created_at']).execute();
}
