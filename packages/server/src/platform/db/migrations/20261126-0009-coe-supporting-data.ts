import { PostgresAdapter, type Kysely } from 'kysely';

/** Uploaded files kept in the database itself, so a backup carries them (bytes as a BLOB on SQLite and
 *  bytea on PostgreSQL), each owned by one document (owner_kind + owner_id, e.g. coe / its id); and
 *  tags on COEs. */
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('owner_kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('filename', 'varchar(200)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('created_by', 'varchar(63)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_kind', 'owner_id', 'created_at']).execute();

  await db.schema
    .createTable('coe_tags')
    .addColumn('coe_id', 'varchar(36)', (c) => c.notNull().references('coes.id'))
    .addColumn('tag', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('coe_tags_pk', ['coe_id', 'tag'])
    .execute();
  await db.schema.createIndex('coe_tags_tag').on('coe_tags').column('tag').execute();
}
