import type { Kysely } from 'kysely';

/** The service catalog: entities (Component, API, Resource, System, Domain) and their outgoing relations.
 *  References are kept as normalised text (kind:namespace/name), so a dangling one is never lost. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_entities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('ref_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('namespace', 'varchar(63)', (c) => c.notNull())
    .addColumn('name', 'varchar(63)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)')
    .addColumn('description', 'text')
    .addColumn('owner_ref', 'varchar(200)')
    .addColumn('owner_group', 'varchar(63)')
    .addColumn('lifecycle', 'varchar(20)')
    .addColumn('type', 'varchar(100)')
    .addColumn('tier', 'varchar(50)')
    .addColumn('tags_json', 'text', (c) => c.notNull())
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('system_ref', 'varchar(200)')
    .addColumn('domain_ref', 'varchar(200)')
    .addColumn('definition', 'text')
    .addColumn('labels_json', 'text', (c) => c.notNull())
    .addColumn('annotations_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_entities_owner').on('catalog_entities').column('owner_group').execute();
  await db.schema.createIndex('catalog_entities_kind_name').on('catalog_entities').columns(['kind', 'name']).execute();
  await db.schema.createIndex('catalog_entities_system').on('catalog_entities').column('system_ref').execute();

  await db.schema
    .createTable('catalog_relations')
    .addColumn('source_id', 'varchar(36)', (c) => c.notNull().references('catalog_entities.id').onDelete('cascade'))
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('target_ref', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_relations_pk', ['source_id', 'type', 'target_ref'])
    .execute();
  await db.schema.createIndex('catalog_relations_target').on('catalog_relations').columns(['target_ref', 'type']).execute();
}
