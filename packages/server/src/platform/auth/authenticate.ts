import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error';
import { bearerSecret, type Credentials, type TokenCheck } from './credentials';
import { documentRouteScopes, requireRouteScope } from './token-scopes';

export const SESSION_COOKIE = 'dayone_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function refusal(check: Exclude<TokenCheck, { ok: true }> | null): AppError {
  if (check?.reason === 'expired') return new AppError('AUTH_TOKEN_EXPIRED', 'The bearer token has expired; create a new one (dayone token create).');
  return new AppError('AUTH_INVALID_TOKEN', 'The bearer token is unknown, revoked or expired.');
}

/** Resolves the principal of every API request: a bearer token wins over the session cookie.
 *  Cookie-authenticated writes must echo the session's CSRF token in the x-csrf-token header.
 *  A token must carry a scope the route accepts (see token-scopes.ts). */
export function registerAuthentication(app: FastifyInstance, credentials: Credentials) {
  app.decorateRequest('principal', null);
  documentRouteScopes(app);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const header = request.headers.authorization;
    if (header) {
      const secret = bearerSecret(header);
      const check = secret !== undefined ? await credentials.resolveToken(secret) : null;
      if (!check?.ok) throw refusal(check);
      request.principal = check.principal;
      if (!request.routeOptions.config?.public) requireRouteScope(request, check.principal);
    } else {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) request.principal = await credentials.resolveSession(secret);
      const p = request.principal;
      if (p && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameSecret(sent, p.csrfToken ?? '')) {
          // Public writes (signing in again) proceed anonymously; everything else is refused.
          if (request.routeOptions.config?.public) request.principal = null;
          else throw new AppError('CSRF_TOKEN_MISSING', `Cookie-authenticated writes need the ${CSRF_HEADER} header from the session.`);
        }
      }
    }
    if (!request.principal && !request.routeOptions.config?.public) {
      throw new AppError('AUTH_REQUIRED', 'Sign in, or send "Authorization: Bearer <token>".');
    }
  });
}
