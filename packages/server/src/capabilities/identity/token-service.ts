import { defaultTokenScopes, type ApiToken, type TokenScope } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { Actor, AuditLog } from '../../platform/audit/audit-log';
import type { Credentials } from '../../platform/auth/credentials';
import type { Principal } from '../../platform/auth/principal';
import { broaderScope, parseScopes, requireScope } from '../../platform/auth/token-scopes';
import type { ApiTokensTable } from '../../platform/db/schema';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { newId, nowIso, sha256 } from '../../platform/ids';

const present = (r: ApiTokensTable): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: parseScopes(r.scopes),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const ADMIN_TOKEN_PERSON = 'dayone-admin-token';
const ADMIN_TOKEN_SCOPES: TokenScope[] = ['read', 'write', 'admin'];

export interface NewToken {
  name: string;
  expiresAt?: string | null;
  scopes?: TokenScope[];
}

/** A token never holds more than whoever makes it: `admin` only for admins, and a token making a
 *  token only passes on scopes it has itself. */
function grantable(actor: Principal, scopes: readonly TokenScope[]) {
  if (scopes.includes('admin') && actor.role !== 'admin') {
    throw new AppError('ADMIN_REQUIRED', 'Only admins may create tokens with the "admin" scope.');
  }
  for (const scope of scopes) requireScope(actor, broaderScope[scope] ? [scope, broaderScope[scope]] : [scope]);
}

/** A person's own API tokens: created (secret shown once), listed and revoked. */
export function createTokenService(db: Db, credentials: Credentials, audit: AuditLog, clock: () => Date = () => new Date()) {
  return {
    create(actor: Principal, input: NewToken): Promise<ApiToken & { token: string }> {
      const scopes = [...new Set(input.scopes ?? defaultTokenScopes)];
      if (input.expiresAt && new Date(input.expiresAt).getTime() <= clock().getTime()) throw fieldError('expiresAt', 'must be in the future');
      grantable(actor, scopes);
      const expires = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
      return db.transaction().execute(async (trx) => {
        const { row, token } = await credentials.issueToken(trx, actor.id, input.name, expires, scopes);
        await audit.record(trx, actor, { action: 'token.created', entityType: 'token', entityId: row.id, after: present(row) });
        return { ...present(row), token };
      });
    },

    async list(actor: Actor): Promise<ApiToken[]> {
      const rows = await db.selectFrom('api_tokens').selectAll().where('person_id', '=', actor.id).orderBy('created_at', 'desc').execute();
      return rows.map(present);
    },

    async revoke(actor: Actor, id: string): Promise<void> {
      const hash = await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', id).where('person_id', '=', actor.id).executeTakeFirst();
        if (!row) throw new AppError('TOKEN_NOT_FOUND', `You have no token with id ${id}.`);
        if (row.revoked_at) return row.token_hash;
        const revokedAt = nowIso();
        await trx.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
        await audit.record(trx, actor, { action: 'token.revoked', entityType: 'token', entityId: id, before: present(row), after: present({ ...row, revoked_at: revokedAt }) });
        return row.token_hash;
      });
      await credentials.revoked(hash);
    },

    /** DAYONE_ADMIN_TOKEN: make sure that exact secret works as an admin token (idempotent across restarts). */
    ensureAdminToken(secret: string): Promise<void> {
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('api_tokens').select(['id', 'revoked_at']).where('token_hash', '=', sha256(secret)).executeTakeFirst();
        if (existing && !existing.revoked_at) return;
        let person = await trx.selectFrom('people').select(['id', 'name']).where('name', '=', ADMIN_TOKEN_PERSON).executeTakeFirst();
        if (!person) {
          const now = nowIso();
          person = { id: newId(), name: ADMIN_TOKEN_PERSON };
          await trx
            .insertInto('people')
            .values({ ...person, email: null, display_name: 'Admin token (DAYONE_ADMIN_TOKEN)', role: 'admin', kind: 'machine', password_hash: null, created_at: now, updated_at: now })
            .execute();
        }
        if (existing) await trx.deleteFrom('api_tokens').where('id', '=', existing.id).execute();
        const { row } = await credentials.issueToken(trx, person.id, 'DAYONE_ADMIN_TOKEN', null, ADMIN_TOKEN_SCOPES, secret);
        await audit.record(trx, person, { action: 'token.created', entityType: 'token', entityId: row.id, after: present(row) });
      });
    },
  };
}
export type TokenService = ReturnType<typeof createTokenService>;
