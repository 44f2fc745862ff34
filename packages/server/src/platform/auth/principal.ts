import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

/** Who is making a request: a person signed in with a session cookie, or the owner of an API token. */
export interface Principal {
  id: string;
  name: string;
  displayName: string;
  role: 'admin' | 'member';
  kind: 'person' | 'machine';
  via: 'session' | 'token';
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in itself, health checks). */
    public?: boolean;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH_REQUIRED', 'Sign in, or send "Authorization: Bearer <token>".');
  return request.principal;
}

export function requireAdmin(request: FastifyRequest): Principal {
  const p = principalOf(request);
  if (p.role !== 'admin') throw new AppError('ADMIN_REQUIRED', 'This needs an admin; ask one of your instance admins.');
  return p;
}
