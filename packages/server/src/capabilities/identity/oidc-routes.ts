import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { oidcCallbackQuery, oidcStartQuery } from '@dayone/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { errorReplies, typed } from '../../platform/http/typed';
import { setSessionCookie } from './session-cookie';
import { FLOW_MINUTES } from './oidc-flows';
import type { OidcSignIn } from './oidc-sign-in';

const tags = ['auth'];
export const OIDC_START_PATH = '/api/v1/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const FLOW_COOKIE = 'dayone_oidc_flow';
const toProvider = z.null().describe('Redirect (Location) to the identity provider’s authorization endpoint');
const refusedPage = z.null().describe('A browser’s refused sign-in (Accept: text/html): Location is /signin?oidcError=<code>, or /setup?… on an empty instance');
const backToApp = z.null().describe('Signed in: the session cookie is set and Location is the returnTo path');

/** The redirect URI to register at the provider: DAYONE_PUBLIC_URL, or else the address the request came to. */
export function callbackUrl(req: FastifyRequest, publicUrl: string | undefined): string {
  const base = publicUrl ?? `${req.protocol}://${req.host}`;
  // Relative to the base, so that an address with a path (https://example.com/dayone) keeps it.
  return new URL(OIDC_CALLBACK_PATH.slice(1), base.endsWith('/') ? base : `${base}/`).href;
}

interface Deps {
  oidc: OidcSignIn | undefined;
  publicUrl?: string;
  secureCookies: boolean;
  /** True while the instance has nobody yet: a failed first sign-in goes back to the setup page. */
  needsSetup: () => Promise<boolean>;
}

export function oidcRoutes(app: FastifyInstance, deps: Deps) {
  const r = typed(app);

  /** A browser sent back with a failure lands on the sign-in (or setup) page, which explains the code;
   *  the detail goes to the log. Programs get problem+json. */
  async function refuse(req: FastifyRequest, reply: FastifyReply, error: unknown): Promise<FastifyReply> {
    const wantsPage = (req.headers.accept ?? '').includes('text/html');
    if (!wantsPage || !(error instanceof AppError)) throw error;
    req.log.warn({ code: error.code, detail: error.detail }, 'company sign-in refused');
    const page = (await deps.needsSetup()) ? '/setup' : '/signin';
    return reply.redirect(`${page}?oidcError=${encodeURIComponent(error.code)}`, 303);
  }

  const pub = { public: true };
  const configured = (): OidcSignIn => {
    if (!deps.oidc) throw new AppError('OIDC_NOT_CONFIGURED', 'Company sign-in is off on this instance (DAYONE_OIDC_ISSUER is not set).');
    return deps.oidc;
  };
  const flowCookie = { path: '/api/v1/auth/oidc', httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };

  r.get(
    OIDC_START_PATH,
    { config: pub, schema: { tags, summary: 'Company sign-in: redirects to the identity provider (authorization code flow with PKCE)', querystring: oidcStartQuery, response: { 302: toProvider, 303: refusedPage, ...errorReplies } } },
    async (req, reply) => {
      try {
        const { location, flowSecret } = await configured().start(callbackUrl(req, deps.publicUrl), req.query.returnTo);
        reply.setCookie(FLOW_COOKIE, flowSecret, { ...flowCookie, maxAge: FLOW_MINUTES * 60 });
        return reply.redirect(location, 302);
      } catch (error) {
        return refuse(req, reply, error);
      }
    },
  );

  r.get(
    OIDC_CALLBACK_PATH,
    { config: pub, schema: { tags, summary: 'Company sign-in: where the identity provider sends the browser back; opens a session', querystring: oidcCallbackQuery, response: { 302: backToApp, 303: refusedPage, ...errorReplies } } },
    async (req, reply) => {
      reply.clearCookie(FLOW_COOKIE, flowCookie);
      try {
        const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        const session = await configured().finish(req.cookies[FLOW_COOKIE], query);
        setSessionCookie(reply, session, deps.secureCookies);
        return reply.redirect(session.returnTo, 302);
      } catch (error) {
        return refuse(req, reply, error);
      }
    },
  );
}
