import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/authenticate';

/** The session cookie every way of signing in (password or company sign-in) leaves behind. */
export function setSessionCookie(reply: FastifyReply, session: { secret: string; expiresAt: string }, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: new Date(session.expiresAt),
  });
}
