import type { FastifyInstance, FastifyReply } from 'fastify';
import { session, setupBody, setupStatus, signInBody, signUpBody } from '@dayone/contracts';
import { SESSION_COOKIE } from '../../platform/auth/authenticate';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, noContent, typed } from '../../platform/http/typed';
import type { AuthService, SignedIn } from './auth-service';
import type { PeopleStore } from './people-store';
import type { SettingsService } from './settings-service';
import { setSessionCookie } from './session-cookie';
import { OIDC_START_PATH } from './oidc-routes';

const tags = ['auth'];

export function authRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; people: PeopleStore; settings: SettingsService; secureCookies: boolean; localPasswords: boolean; companySignIn?: string },
) {
  const { auth, people, settings } = deps;
  const r = typed(app);
  const pub = { public: true };

  const startSession = (reply: FastifyReply, s: SignedIn) => {
    setSessionCookie(reply, s, deps.secureCookies);
    return { person: s.person, csrfToken: s.csrfToken };
  };

  r.get('/api/v1/auth/setup', { config: pub, schema: { tags, summary: 'Whether the first account is still to be created, and how people sign up', response: { 200: setupStatus, ...errorReplies } } }, async () => ({
    needsSetup: await auth.needsSetup(),
    signupMode: (await settings.get()).signupMode,
    localPasswords: deps.localPasswords,
    companySignIn: deps.companySignIn ? { name: deps.companySignIn, startUrl: OIDC_START_PATH } : null,
  }));

  r.post('/api/v1/auth/setup', { config: pub, schema: { tags, summary: 'Create the first account (an admin)', body: setupBody, response: { 201: session, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(startSession(reply, await auth.setup(req.body))),
  );

  r.post('/api/v1/auth/signup', { config: pub, schema: { tags, summary: 'Create an account (open sign-up or with an invitation)', body: signUpBody, response: { 201: session, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(startSession(reply, await auth.signUp(req.body))),
  );

  r.post('/api/v1/auth/signin', { config: pub, schema: { tags, summary: 'Sign in with email and password; repeated failures are slowed down (429)', body: signInBody, response: { 200: session, ...errorReplies } } }, async (req, reply) =>
    startSession(reply, await auth.signIn(req.body.email, req.body.password, req.ip)),
  );

  r.post('/api/v1/auth/signout', { config: pub, schema: { tags, summary: 'End this session', response: { 204: noContent, ...errorReplies } } }, async (req, reply) => {
    const secret = req.cookies[SESSION_COOKIE];
    if (secret) await auth.signOut(secret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.get('/api/v1/auth/session', { schema: { tags, summary: 'Who is signed in, and the CSRF token for writes', response: { 200: session, ...errorReplies } } }, async (req) => {
    const p = principalOf(req);
    const row = await people.byName(p.name);
    return { person: await people.present(row!), csrfToken: p.csrfToken ?? '' };
  });
}
