import type { Kysely } from 'kysely';

/** Company sign-in (OpenID Connect): which person an identity provider's subject is, and the
 *  short-lived records of sign-ins in progress (state, nonce and PKCE verifier), kept in the database
 *  so that any instance can finish a sign-in another one started. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('external_identities')
    .addColumn('issuer', 'varchar(500)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('email', 'varchar(320)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('external_identities_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('external_identities_person').on('external_identities').column('person_id').execute();

  await db.schema
    .createTable('oidc_flows')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('state', 'varchar(200)', (c) => c.notNull())
    .addColumn('nonce', 'varchar(200)', (c) => c.notNull())
    .addColumn('code_verifier', 'varchar(200)', (c) => c.notNull())
    .addColumn('redirect_uri', 'varchar(2000)', (c) => c.notNull())
    .addColumn('return_to', 'varchar(2000)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oidc_flows_expires').on('oidc_flows').column('expires_at').execute();
}
