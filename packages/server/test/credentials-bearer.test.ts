import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, newTestStore, type TestStore } from './harness';
import { migrate, openDatabase, type DatabaseHandle } from '../src/platform/db/database';
import { createLocalBus } from '../src/platform/events/event-bus';
import { bearerSecret, createCredentials } from '../src/platform/auth/credentials';
import { sha256 } from '../src/platform/ids';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');

describe('bearerSecret', () => {
  it('reads the forms authentication accepts, and nothing else', () => {
    expect(bearerSecret('Bearer abc')).toBe('abc');
    expect(bearerSecret('bearer   abc')).toBe('abc');
    expect(bearerSecret('Basic abc')).toBeUndefined();
    expect(bearerSecret('Bearer')).toBeUndefined();
    expect(bearerSecret('Bearer a b')).toBeUndefined();
  });
});

/** cachedBearer answers exactly what cachedToken answers for the header's secret, at every moment. */
describe.each(dialects)('cached bearer headers on %s', (dialect) => {
  let store: TestStore;
  let database: DatabaseHandle;
  beforeAll(async () => {
    store = newTestStore(dialect);
    database = openDatabase(store);
    await migrate(database);
    const at = new Date(T0).toISOString();
    await database.db.insertInto('people').values({ id: 'p1', name: 'ada', email: null, display_name: 'Ada', role: 'member', kind: 'person', password_hash: null, created_at: at, updated_at: at }).execute();
    const token = (name: string, expiresAt: string | null) => ({ id: `t-${name}`, person_id: 'p1', name, prefix: name, token_hash: sha256(`secret-${name}`), created_at: at, expires_at: expiresAt, last_used_at: null, revoked_at: null, scopes: 'gates:read' });
    await database.db.insertInto('api_tokens').values([token('long', null), token('short', new Date(T0 + 30_000).toISOString())]).execute();
  });
  afterAll(async () => {
    await database.close();
    await store.drop();
  });

  const setup = () => {
    let now = T0;
    const credentials = createCredentials(database.db, createLocalBus(), () => new Date(now));
    const same = (secret: string) => {
      const header = `Bearer ${secret}`;
      const answer = credentials.cachedBearer(header);
      expect(answer).toBe(credentials.cachedToken(secret));
      return answer;
    };
    return { credentials, same, advance: (ms: number) => (now += ms) };
  };

  it('knows a token only once it is in memory, and forgets it when its minute in memory is over', async () => {
    const { credentials, same, advance } = setup();
    expect(same('secret-long')).toBeUndefined();
    const checked = await credentials.resolveToken('secret-long');
    expect(checked.ok).toBe(true);
    expect(same('secret-long')?.name).toBe('ada');
    expect(same('secret-long')?.scopes).toEqual(['gates:read']);
    advance(59_999);
    expect(same('secret-long')?.name).toBe('ada');
    advance(1);
    expect(same('secret-long')).toBeUndefined();
    expect(credentials.cachedBearer('Basic secret-long')).toBeUndefined();
  });

  it('stops at the moment a token expires, within its minute in memory', async () => {
    const { credentials, same, advance } = setup();
    expect((await credentials.resolveToken('secret-short')).ok).toBe(true);
    expect(same('secret-short')?.name).toBe('ada');
    advance(29_999);
    expect(same('secret-short')?.name).toBe('ada');
    advance(1);
    expect(same('secret-short')).toBeUndefined();
  });

  it('stops at once when the token is revoked', async () => {
    const { credentials, same } = setup();
    expect((await credentials.resolveToken('secret-long')).ok).toBe(true);
    expect(same('secret-long')?.name).toBe('ada');
    await credentials.revoked(sha256('secret-long'));
    expect(same('secret-long')).toBeUndefined();
  });
});
