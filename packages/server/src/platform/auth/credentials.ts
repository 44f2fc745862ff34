import type { Db } from '../db/database';
import { newId, nowIso, randomSecret, sha256 } from '../ids';
import type { Principal } from './principal';
import type { EventBus } from '../events/event-bus';
import { formatScopes, parseScopes, type TokenScope } from './token-scopes';

export const SESSION_DAYS = 14;
const TOKEN_TOUCH_MS = 60_000;
const TOKEN_CACHE_MS = 60_000;
export const TOKEN_REVOKED_TOPIC = 'token.revoked';

interface CachedToken {
  principal: Principal;
  tokenId: string;
  expiresAt: string | null;
  cachedAt: number;
}

/** The secret of an `Authorization: Bearer <secret>` header, or undefined for any other form. */
export function bearerSecret(header: string): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}

/** A header cachedBearer has answered: its token's cache entry and until when the answer holds. */
interface KnownBearer {
  hash: string;
  token: CachedToken;
  untilMs: number;
}

/** What a bearer secret turned out to be. */
export type TokenCheck = { ok: true; principal: Principal } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

type PersonRow = { id: string; name: string; display_name: string; role: 'admin' | 'member'; kind: 'person' | 'machine' };

const toPrincipal = (row: PersonRow, via: Principal['via'], csrfToken?: string): Principal => ({
  id: row.id,
  name: row.name,
  displayName: row.display_name,
  role: row.role,
  kind: row.kind,
  via,
  csrfToken,
});

/** A token acts for its person within its scopes; without `admin` it has no admin powers anywhere. */
const tokenPrincipal = (row: PersonRow & { token_id: string; scopes: string }): Principal => {
  const scopes = parseScopes(row.scopes);
  return { ...toPrincipal(row, 'token'), role: row.role === 'admin' && scopes.includes('admin') ? 'admin' : 'member', tokenId: row.token_id, scopes };
};

/** Sessions and API tokens: secrets are handed out once and only their SHA-256 is stored.
 *  Token lookups are kept in memory for a minute so hot paths (gate checks) never read the database;
 *  a revocation anywhere evicts the token at once through the event bus, and an expiry is checked on
 *  every use, cached or not. `clock` is the time (tests move it). */
export function createCredentials(db: Db, bus: EventBus, clock: () => Date = () => new Date()) {
  const nowMs = () => clock().getTime();
  const lastTouched = new Map<string, number>();
  const tokens = new Map<string, CachedToken>();
  /** The digests of the bearer secrets seen lately, so the hot path (cachedToken) does not hash the same
   *  secret again on every request. Only a lookup aid: what a token may do is still decided by `tokens`,
   *  which revocation and expiry evict. Kept small and dropped whole when full. */
  const digests = new Map<string, string>();
  const digestOf = (secret: string): string => {
    let hash = digests.get(secret);
    if (hash === undefined) {
      hash = sha256(secret);
      if (digests.size >= 1_000) digests.clear();
      digests.set(secret, hash);
    }
    return hash;
  };
  /** Authorization headers cachedBearer answered lately, dropped whole when full. */
  const bearers = new Map<string, KnownBearer>();
  bus.subscribe((e) => {
    if (e.topic === TOKEN_REVOKED_TOPIC && e.id) tokens.delete(e.id);
  });

  /** Without waiting: the principal of a token that `resolveToken` would answer from memory with
   *  nothing to write (cached, fresh, unexpired, its last use recorded within the minute); otherwise
   *  undefined, and the caller asks `resolveToken`. */
  function cachedToken(secret: string): Principal | undefined {
    const cached = tokens.get(digestOf(secret));
    if (!cached) return undefined;
    const now = nowMs();
    if (cached.cachedAt + TOKEN_CACHE_MS <= now) return undefined;
    if (cached.expiresAt && cached.expiresAt <= new Date(now).toISOString()) return undefined;
    if ((lastTouched.get(cached.tokenId) ?? 0) + TOKEN_TOUCH_MS < now) return undefined;
    return cached.principal;
  }

  async function touch(tokenId: string) {
    const now = nowMs();
    if ((lastTouched.get(tokenId) ?? 0) + TOKEN_TOUCH_MS >= now) return;
    lastTouched.set(tokenId, now);
    await db.updateTable('api_tokens').set({ last_used_at: new Date(now).toISOString() }).where('id', '=', tokenId).execute();
  }

  return {
    async createSession(trx: Db, personId: string): Promise<{ secret: string; csrfToken: string; expiresAt: string }> {
      const secret = randomSecret();
      const csrfToken = randomSecret(24);
      const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
      await trx
        .insertInto('sessions')
        .values({ id_hash: sha256(secret), person_id: personId, csrf_token: csrfToken, created_at: nowIso(), expires_at: expiresAt })
        .execute();
      return { secret, csrfToken, expiresAt };
    },

    async resolveSession(secret: string): Promise<Principal | null> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('people', 'people.id', 'sessions.person_id')
        .select(['people.id', 'people.name', 'people.display_name', 'people.role', 'people.kind', 'sessions.csrf_token', 'sessions.expires_at'])
        .where('sessions.id_hash', '=', sha256(secret))
        .executeTakeFirst();
      if (!row || row.expires_at <= nowIso()) return null;
      return toPrincipal(row, 'session', row.csrf_token);
    },

    async deleteSession(secret: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', sha256(secret)).execute();
    },

    /** Issues a token; `secret` is only given when an operator supplies it (DAYONE_ADMIN_TOKEN). */
    async issueToken(trx: Db, personId: string, name: string, expiresAt: string | null, scopes: readonly TokenScope[], secret?: string) {
      const id = newId();
      const prefix = `dayone_${randomSecret(6)}`;
      const token = secret ?? `${prefix}_${randomSecret()}`;
      const row = {
        id,
        person_id: personId,
        name,
        prefix: secret ? secret.slice(0, 8) : prefix,
        token_hash: sha256(token),
        created_at: clock().toISOString(),
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
        scopes: formatScopes(scopes),
      };
      await trx.insertInto('api_tokens').values(row).execute();
      return { row, token };
    },

    async resolveToken(secret: string): Promise<TokenCheck> {
      const hash = sha256(secret);
      const now = clock().toISOString();
      const cached = tokens.get(hash);
      if (cached && cached.cachedAt + TOKEN_CACHE_MS > nowMs() && (!cached.expiresAt || cached.expiresAt > now)) {
        await touch(cached.tokenId);
        return { ok: true, principal: cached.principal };
      }
      tokens.delete(hash);
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('people', 'people.id', 'api_tokens.person_id')
        .select(['people.id', 'people.name', 'people.display_name', 'people.role', 'people.kind', 'api_tokens.id as token_id', 'api_tokens.scopes', 'api_tokens.expires_at', 'api_tokens.revoked_at'])
        .where('api_tokens.token_hash', '=', hash)
        .executeTakeFirst();
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.revoked_at) return { ok: false, reason: 'revoked' };
      if (row.expires_at && row.expires_at <= now) return { ok: false, reason: 'expired' };
      const principal = tokenPrincipal(row);
      if (tokens.size > 10_000) tokens.clear();
      tokens.set(hash, { principal, tokenId: row.token_id, expiresAt: row.expires_at, cachedAt: nowMs() });
      await touch(row.token_id);
      return { ok: true, principal };
    },

    cachedToken,

    /** cachedToken for a whole Authorization header, remembered by the header's text until the first
     *  moment cachedToken could answer otherwise (the token's minute in memory, or its minute since its
     *  last recorded use, runs out, or the token expires), or until the token's cache entry is replaced
     *  or evicted (a revocation, a reload): the gate checks' hot path asks this on every request. */
    cachedBearer(header: string): Principal | undefined {
      const now = nowMs();
      const known = bearers.get(header);
      if (known && now < known.untilMs && tokens.get(known.hash) === known.token) return known.token.principal;
      const secret = bearerSecret(header);
      if (secret === undefined) return undefined;
      const principal = cachedToken(secret);
      if (!principal) return undefined;
      const hash = digestOf(secret);
      const token = tokens.get(hash)!;
      const untilMs = Math.min(token.cachedAt + TOKEN_CACHE_MS, (lastTouched.get(token.tokenId) ?? 0) + TOKEN_TOUCH_MS + 1, token.expiresAt ? Date.parse(token.expiresAt) : Infinity);
      if (bearers.size >= 1_000) bearers.clear();
      bearers.set(header, { hash, token, untilMs });
      return principal;
    },

    /** Evict a revoked token here and, through the bus, on every other instance. */
    async revoked(tokenHash: string): Promise<void> {
      tokens.delete(tokenHash);
      await bus.broadcast({ topic: TOKEN_REVOKED_TOPIC, id: tokenHash });
    },
  };
}
export type Credentials = ReturnType<typeof createCredentials>;
