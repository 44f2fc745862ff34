import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../src/platform/db/statement-cache';

// SQLite only: the cache wraps better-sqlite3, which PostgreSQL does not use.
describe('the SQLite statement cache', () => {
  let connection: SQLite.Database;
  afterEach(() => {
    if (connection.open) connection.close();
  });
  const open = () => {
    connection = new SQLite(':memory:');
    connection.exec('create table t (id integer primary key, name text not null)');
    return connection;
  };

  it('prepares a SQL text once and hands the same statement out again', () => {
    const cache = withStatementCache(open());
    const first = cache.prepare('select name from t where id = ?');
    expect(cache.prepare('select name from t where id = ?')).toBe(first);
    expect(cache.prepare('select id from t')).not.toBe(first);
    expect(cache.cached).toBe(2);
  });

  it('gives a statement being iterated a twin, so a query inside a stream still runs', () => {
    const cache = withStatementCache(open());
    for (let i = 1; i <= 3; i++) connection.prepare('insert into t (name) values (?)').run(`n${i}`);
    const text = 'select id, name from t order by id';
    const outer = cache.prepare(text);
    const seen: string[] = [];
    for (const row of outer.iterate([]) as IterableIterator<{ name: string }>) {
      const inner = cache.prepare(text);
      expect(inner).not.toBe(outer);
      seen.push(`${row.name}:${(inner.all([]) as unknown[]).length}`);
    }
    expect(seen).toEqual(['n1:3', 'n2:3', 'n3:3']);
    // Once the iteration is over, the cached statement is free again.
    expect(cache.prepare(text)).toBe(outer);
  });

  it('keeps at most `size` texts, dropping the least recently used', () => {
    const cache = withStatementCache(open(), 2);
    const a = cache.prepare('select 1');
    const b = cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(a); // now the most recent
    cache.prepare('select 3'); // drops "select 2"
    expect(cache.cached).toBe(2);
    expect(cache.prepare('select 1')).toBe(a);
    expect(cache.prepare('select 2')).not.toBe(b);
  });

  it('serves Kysely: reads, writes with their counts, and statements that outlive a change of schema', async () => {
    const db = new Kysely<{ t: { id: Generated<number>; name: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(open()) }) });
    const inserted = await db.insertInto('t').values({ name: 'a' }).executeTakeFirstOrThrow();
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
    await db.insertInto('t').values({ name: 'b' }).execute();
    const update = await db.updateTable('t').set({ name: 'c' }).where('name', '=', 'b').executeTakeFirstOrThrow();
    expect(update.numUpdatedRows).toBe(1n);
    expect(await db.selectFrom('t').select('name').orderBy('id').execute()).toEqual([{ name: 'a' }, { name: 'c' }]);
    expect(await db.selectFrom('t').selectAll().orderBy('id').execute()).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'c' },
    ]);
    // A column added after the statement was cached: SQLite prepares the statement again by itself.
    await sql`alter table t add column extra text`.execute(db);
    expect(await db.selectFrom('t').selectAll().orderBy('id').execute()).toEqual([
      { id: 1, name: 'a', extra: null },
      { id: 2, name: 'c', extra: null },
    ]);
    await db.destroy();
    expect(connection.open).toBe(false);
  });
});
