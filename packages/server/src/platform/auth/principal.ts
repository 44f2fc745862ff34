import type { FastifyRequest } from 'fastify';
import type { TokenScope } from '@dayone/contracts';
import { AppError } from '../errors/app-error';
import { requireScope } from './token-scopes';

/** Who is making a request: a person signed in with a session cookie, or the owner of an API token. */
export interface Principal {
  id: string;
  name: string;
  displayName: string;
  /** For a token without the `admin` scope this is `member`, whatever its owner's role. */
  role: 'admin' | 'member';
  kind: 'person' | 'machine';
  via: 'session' | 'token';
  csrfToken?: string;
  /** The token's id and scopes; absent for sessions, which have all of their person's rights. */
  tokenId?: string;
  scopes?: readonly TokenScope[];
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in itself, health checks). */
    public?: boolean;
    /** Token scopes that may call this route (any one); default `read` for GET/HEAD, `write` otherwise. */
    scopes?: readonly TokenScope[];
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH_REQUIRED', 'Sign in, or send "Authorization: Bearer <token>".');
  return request.principal;
}

export function requireAdmin(request: FastifyRequest): Principal {
  const p = principalOf(request);
  requireScope(p, ['admin']);
  if (p.role !== 'admin') throw new AppError('ADMIN_REQUIRED', 'This needs an admin; ask one of your instance admins.');
  return p;
}
