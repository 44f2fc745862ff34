import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { migrate, openDatabase } from '../src/platform/db/database';
import { dialects, newTestStore } from './harness';

describe.each(dialects)('the token-scopes migration on %s', (dialect) => {
  it('gives existing tokens read and write, and admin as well when their owner is an admin', async () => {
    const store = newTestStore(dialect);
    const database = openDatabase(store);
    try {
      await migrate(database, '20261126-0006-coe');
      const db = database.db as unknown as Kysely<any>;
      const at = '2026-11-01T00:00:00.000Z';
      const person = (id: string, role: string) => ({ id, name: id, email: null, display_name: id, role, kind: 'person', password_hash: null, created_at: at, updated_at: at });
      await db.insertInto('people').values([person('p-admin', 'admin'), person('p-member', 'member')]).execute();
      const token = (id: string, personId: string) => ({ id, person_id: personId, name: id, prefix: id, token_hash: `hash-${id}`, created_at: at, expires_at: null, last_used_at: null, revoked_at: null });
      await db.insertInto('api_tokens').values([token('t-admin', 'p-admin'), token('t-member', 'p-member')]).execute();
      await migrate(database);
      const rows = await database.db.selectFrom('api_tokens').select(['id', 'scopes']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 't-admin', scopes: 'read write admin' },
        { id: 't-member', scopes: 'read write' },
      ]);
    } finally {
      await database.close();
      await store.drop();
    }
  });
});
