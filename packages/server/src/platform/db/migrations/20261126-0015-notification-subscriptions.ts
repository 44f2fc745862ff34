import type { Kysely } from 'kysely';

/** Who watches what, and how each person wants each kind of notice.
 *  - notification_subscriptions: a person watches a team, a catalog entity (service), a PR/FAQ or a COE,
 *    by the target's id; one row per (person, kind, target).
 *  - notification_preferences: per person and notice kind, inbox on/off and personal webhook on/off;
 *    no row means the defaults (inbox on, webhook off).
 *  - notification_settings: a person's own webhook (URL, format, signing secret), versioned.
 *  - notifications.notice_id: the outbox notice an inbox entry came from; unique per recipient, so one
 *    notice never lands twice in one inbox. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_subscriptions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('notification_subscriptions_once', ['person_id', 'kind', 'target_id'])
    .execute();
  await db.schema.createIndex('notification_subscriptions_target').on('notification_subscriptions').columns(['kind', 'target_id']).execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'varchar(60)', (c) => c.notNull())
    .addColumn('inbox', 'integer', (c) => c.notNull())
    .addColumn('webhook', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['person_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('person_id', 'varchar(36)', (c) => c.primaryKey().references('people.id'))
    .addColumn('webhook_url', 'varchar(2000)')
    .addColumn('webhook_format', 'varchar(10)', (c) => c.notNull())
    .addColumn('webhook_secret', 'varchar(100)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('notifications').addColumn('notice_id', 'varchar(36)').execute();
  await db.schema.createIndex('notifications_notice_once').on('notifications').columns(['recipient_id', 'notice_id']).unique().execute();
}
