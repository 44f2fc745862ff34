import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tokenScopes, type TokenScope } from '@dayone/contracts';
import { AppError } from '../errors/app-error';
import type { Principal } from './principal';

export { tokenScopes, type TokenScope };

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The scopes a route accepts (any one of them will do): what the route declares in its `config.scopes`,
 *  otherwise `read` for GET and HEAD and `write` for every other method. */
export function scopesFor(method: string, declared?: readonly TokenScope[]): readonly TokenScope[] {
  if (declared?.length) return declared;
  return READ_METHODS.has(method) ? ['read'] : ['write'];
}

/** The narrow scopes are parts of a broad one: a route that takes `gates:read` also takes `read`, and a
 *  token holding the broad scope may hand out the narrow one. */
export const broaderScope: Partial<Record<TokenScope, TokenScope>> = { 'gates:read': 'read', 'andon:pull': 'write', 'events:write': 'write' };

/** Space-separated in the database, as in OAuth; anything unknown there is dropped, never granted. */
export function parseScopes(stored: string): TokenScope[] {
  const known = new Set<string>(tokenScopes);
  return stored.split(/\s+/).filter((s): s is TokenScope => known.has(s));
}

export const formatScopes = (scopes: readonly TokenScope[]): string => [...new Set(scopes)].join(' ');

const quoted = (scopes: readonly string[]) => scopes.map((s) => `"${s}"`).join(' or ');

/** A person signed in with a session has every right they have; a token only the scopes it carries. */
export function requireScope(principal: Principal, accepted: readonly TokenScope[]): void {
  if (!principal.scopes || accepted.some((s) => principal.scopes!.includes(s))) return;
  throw new AppError(
    'TOKEN_SCOPE_MISSING',
    `This token needs the scope ${quoted(accepted)}; it has ${principal.scopes.length ? principal.scopes.join(', ') : 'none'}. Create a token with that scope.`,
    { extensions: { missingScopes: [...accepted], tokenScopes: [...principal.scopes] } },
  );
}

/** The route-level check, run for every authenticated API request. */
export function requireRouteScope(request: FastifyRequest, principal: Principal): void {
  requireScope(principal, scopesFor(request.method, request.routeOptions.config?.scopes));
}

/** Writes each API operation's scopes into the OpenAPI document (`security: [{ bearer: [scopes] }]`),
 *  the standard place for them. Must be registered before the routes. */
export function documentRouteScopes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/') || route.config?.public || !route.schema) return;
    const method = [route.method].flat()[0];
    route.schema = { ...route.schema, security: [{ bearer: [...scopesFor(method, route.config?.scopes)] }, { session: [] }] };
  });
}
