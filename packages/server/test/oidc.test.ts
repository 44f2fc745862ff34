import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppConfig } from '../src/app';
import { migrate, openDatabase, type DatabaseHandle, type Dialect } from '../src/platform/db/database';
import { sha256 } from '../src/platform/ids';
import { adminCaller, ADMIN_TOKEN, call, createTestApp, dialects, newTestStore, sessionHeaders, signUp, type Caller, type TestStore } from './harness';
import { CookieJar, signInAtProvider, startTestProvider, type TestProvider } from './oidc-provider-fixture';

const PUBLIC_URL = 'http://dayone.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
// With no DAYONE_PUBLIC_URL the redirect URI comes from the request: inject() sends "Host: localhost:80".
const CALLBACK_FROM_HOST = 'http://localhost/api/v1/auth/oidc/callback';
const CLIENT = { clientId: 'dayone-test', clientSecret: 'test-client-secret-0123456789', redirectUris: [CALLBACK, CALLBACK_FROM_HOST] };

let idp: TestProvider;
beforeAll(async () => {
  idp = await startTestProvider({
    clients: [CLIENT],
    accounts: [
      { login: 'alice', email: 'Alice@Example.com', emailVerified: true, name: 'Alice Liddell', groups: ['Payments', 'search', 'no-such-team'] },
      { login: 'bob', email: 'bob@example.com', emailVerified: true, name: 'Bob Builder' },
      { login: 'mallory', email: 'carol@example.com', emailVerified: false, name: 'Not Carol' },
      { login: 'carol', email: 'carol.other@example.com', emailVerified: true, name: 'Another Carol' },
      { login: 'erin', email: 'erin@example.com', emailVerified: true, name: 'Erin' },
    ],
  });
});
afterAll(() => idp.close());

type OidcApp = { app: FastifyInstance; database: DatabaseHandle; store: TestStore; close(): Promise<void> };

/** The real app with company sign-in pointed at the loopback provider; `config` overrides the rest. */
async function oidcApp(dialect: Dialect, config: Partial<AppConfig> = {}, shared?: TestStore): Promise<OidcApp> {
  const store = shared ?? newTestStore(dialect);
  const database = openDatabase(store);
  await migrate(database);
  const app = await buildApp(
    {
      logLevel: 'silent',
      bodyLimit: 1024 * 1024,
      secureCookies: false,
      adminToken: ADMIN_TOKEN,
      reminders: false,
      publicUrl: PUBLIC_URL,
      oidc: { issuer: idp.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, name: 'Test IdP', scopes: 'openid email profile groups', teamsClaim: 'groups' },
      ...config,
    },
    database,
  );
  return {
    app,
    database,
    store,
    async close() {
      await app.close();
      await database.close();
      if (!shared) await store.drop();
    },
  };
}

/** Starts a sign-in at the app, signs in at the provider as `login`, and returns the callback to send back. */
async function throughProvider(app: FastifyInstance, login: string, returnTo?: string) {
  const start = await app.inject({ url: `/api/v1/auth/oidc/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}` });
  expect(start.statusCode).toBe(302);
  const flow = start.cookies.find((c) => c.name === 'dayone_oidc_flow')!;
  const callback = await signInAtProvider(String(start.headers.location), login, new CookieJar());
  return { start, flow: flow.value, callback };
}

const back = (app: FastifyInstance, callback: URL, flow: string | null, headers: Record<string, string> = {}) =>
  app.inject({ url: `${callback.pathname}${callback.search}`, headers: { ...(flow !== null && { cookie: `dayone_oidc_flow=${flow}` }), ...headers } });

/** A complete company sign-in; the session it opened as a caller. */
async function signInWithIdp(app: FastifyInstance, login: string, returnTo?: string): Promise<{ caller: Caller; res: LightMyRequestResponse }> {
  const { flow, callback } = await throughProvider(app, login, returnTo);
  const res = await back(app, callback, flow);
  if (res.statusCode !== 302) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'dayone_session')!;
  const session = await app.inject({ url: '/api/v1/auth/session', headers: { cookie: `dayone_session=${cookie.value}` } });
  return { caller: { name: login, headers: sessionHeaders(res.cookies, session.json().csrfToken) }, res };
}

const count = async (database: DatabaseHandle, table: 'people' | 'sessions' | 'external_identities' | 'oidc_flows') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const auditActions = async (database: DatabaseHandle, entityId: string) =>
  (await database.db.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).orderBy('seq').execute()).map((r) => r.action);

describe.each(dialects)('company sign-in (OpenID Connect) on %s', (dialect) => {
  let t: OidcApp;
  let clockOffsetMs = 0;
  beforeAll(async () => {
    t = await oidcApp(dialect, { clock: () => new Date(Date.now() + clockOffsetMs) });
    for (const name of ['payments', 'search', 'platform']) expect((await call(t.app, adminCaller, 'POST', '/api/v1/teams', { name })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('tells the web app that company sign-in is on, next to passwords', async () => {
    const status = await call(t.app, null, 'GET', '/api/v1/auth/setup');
    expect(status.body).toEqual({ needsSetup: true, signupMode: 'open', localPasswords: true, companySignIn: { name: 'Test IdP', startUrl: '/api/v1/auth/oidc/start' } });
  });

  it('starts with a redirect to the provider carrying PKCE (S256), state and nonce, kept in the database by hash', async () => {
    const start = await t.app.inject({ url: '/api/v1/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const location = new URL(String(start.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${idp.issuer}/auth`);
    const q = Object.fromEntries(location.searchParams);
    expect(q).toMatchObject({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: CALLBACK, scope: 'openid email profile groups', code_challenge_method: 'S256' });
    // RFC 7636 §4.2: S256 challenges are base64url of a SHA-256 digest, 43 characters.
    expect(q.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.state.length).toBeGreaterThanOrEqual(32);
    expect(q.nonce.length).toBeGreaterThanOrEqual(32);
    const cookie = start.cookies.find((c) => c.name === 'dayone_oidc_flow')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc', maxAge: 600 });
    const row = await t.database.db.selectFrom('oidc_flows').selectAll().where('id_hash', '=', sha256(cookie.value)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: q.state, nonce: q.nonce, redirect_uri: CALLBACK, return_to: '/' });
    expect(row.code_verifier).not.toBe(q.code_challenge);
  });

  it('creates the person on the first sign-in (the first on an empty instance is the admin) and joins the teams the claim names', async () => {
    const peopleBefore = await count(t.database, 'people');
    const { caller, res } = await signInWithIdp(t.app, 'alice', '/teams/payments');
    expect(res.headers.location).toBe('/teams/payments');
    const cookie = res.cookies.find((c) => c.name === 'dayone_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.cookies.find((c) => c.name === 'dayone_oidc_flow')?.value).toBe('');
    const session = await call(t.app, caller, 'GET', '/api/v1/auth/session');
    expect(session.body.person).toMatchObject({ name: 'alice', displayName: 'Alice Liddell', email: 'alice@example.com', role: 'admin', kind: 'person', teams: ['payments', 'search'] });
    expect(await count(t.database, 'people')).toBe(peopleBefore + 1);
    const identity = await t.database.db.selectFrom('external_identities').selectAll().where('subject', '=', 'alice').executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ issuer: idp.issuer, person_id: session.body.person.id, email: 'alice@example.com' });
    expect(await auditActions(t.database, session.body.person.id)).toEqual(['person.created', 'person.identity_linked']);
    const joins = await t.database.db.selectFrom('audit_events').select(['actor_name', 'after_json']).where('action', '=', 'team.member_added').execute();
    expect(joins.map((j) => JSON.parse(j.after_json!).team).sort()).toEqual(['payments', 'search']);
    expect(joins.every((j) => j.actor_name === 'alice')).toBe(true);
    // The session works for writes like a password session does.
    expect((await call(t.app, caller, 'POST', '/api/v1/teams', { name: 'alice-team' })).status).toBe(201);
    expect((await call(t.app, null, 'GET', '/api/v1/auth/setup')).body.needsSetup).toBe(false);
  });

  it('reuses the person on later sign-ins; the claim adds memberships again but never removes others', async () => {
    const { caller: first } = await signInWithIdp(t.app, 'alice');
    const me = (await call(t.app, first, 'GET', '/api/v1/auth/session')).body.person;
    expect((await call(t.app, first, 'DELETE', `/api/v1/teams/search/members/alice`)).status).toBe(200);
    expect((await call(t.app, adminCaller, 'POST', '/api/v1/teams/platform/members', { person: 'alice' })).status).toBe(200);
    const peopleBefore = await count(t.database, 'people');
    const { caller } = await signInWithIdp(t.app, 'alice');
    const again = (await call(t.app, caller, 'GET', '/api/v1/auth/session')).body.person;
    expect(again.id).toBe(me.id);
    expect(again.teams).toEqual(['alice-team', 'payments', 'platform', 'search']);
    expect(await count(t.database, 'people')).toBe(peopleBefore);
    expect(await auditActions(t.database, me.id)).toEqual(['person.created', 'person.identity_linked']);
    // The team page (cached in memory) shows the membership the sign-in added back.
    const search = await call(t.app, caller, 'GET', '/api/v1/teams/search');
    expect(search.body.members.map((m: { name: string }) => m.name)).toContain('alice');
  });

  it('links an existing person whose email the provider has verified', async () => {
    const bob = await signUp(t.app, 'bob');
    const bobId = (await call(t.app, bob, 'GET', '/api/v1/auth/session')).body.person.id;
    const { caller } = await signInWithIdp(t.app, 'bob');
    const person = (await call(t.app, caller, 'GET', '/api/v1/auth/session')).body.person;
    expect(person).toMatchObject({ id: bobId, name: 'bob', role: 'member' });
    expect(await auditActions(t.database, bobId)).toEqual(['person.created', 'person.identity_linked']);
  });

  it('refuses to join an existing email the provider has not verified, and writes nothing', async () => {
    await signUp(t.app, 'carol');
    const before = await Promise.all([count(t.database, 'people'), count(t.database, 'sessions'), count(t.database, 'external_identities')]);
    const { flow, callback } = await throughProvider(t.app, 'mallory');
    const res = await back(t.app, callback, flow);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PERSON_EMAIL_TAKEN' });
    expect(res.json().detail).toContain('carol@example.com');
    expect(res.cookies.find((c) => c.name === 'dayone_session')).toBeUndefined();
    expect(await Promise.all([count(t.database, 'people'), count(t.database, 'sessions'), count(t.database, 'external_identities')])).toEqual(before);
  });

  it('picks a free user name when the one the claims suggest is taken', async () => {
    const { caller } = await signInWithIdp(t.app, 'carol');
    const person = (await call(t.app, caller, 'GET', '/api/v1/auth/session')).body.person;
    expect(person).toMatchObject({ name: 'carol-2', displayName: 'Another Carol', email: 'carol.other@example.com', role: 'member' });
  });

  it('refuses a tampered state, and the flow cannot be tried again', async () => {
    const { flow, callback } = await throughProvider(t.app, 'erin');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const sessions = await count(t.database, 'sessions');
    const res = await back(t.app, tampered, flow);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'OIDC_SIGN_IN_FAILED' });
    expect(res.json().detail).toMatch(/"state"/);
    expect(res.cookies.find((c) => c.name === 'dayone_session')).toBeUndefined();
    const retry = await back(t.app, callback, flow);
    expect(retry.json().detail).toContain('unknown or was finished already');
    expect(await count(t.database, 'sessions')).toBe(sessions);
  });

  it('refuses an ID token for another audience, though the provider signed it', async () => {
    const { flow, callback } = await throughProvider(t.app, 'erin');
    idp.tamperNextIdToken((claims) => ({ ...claims, aud: 'some-other-app' }));
    const res = await back(t.app, callback, flow);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('OIDC_SIGN_IN_FAILED');
    expect(res.json().detail).toMatch(/"aud" \(audience\)/);
  });

  it('refuses an ID token with another nonce, another issuer or a signature by a foreign key', async () => {
    const cases: [Parameters<TestProvider['tamperNextIdToken']>[0], 'provider' | 'foreign', RegExp][] = [
      [(c) => ({ ...c, nonce: 'replayed-nonce' }), 'provider', /"nonce"/],
      [(c) => ({ ...c, iss: 'https://impostor.example' }), 'provider', /"iss" \(issuer\)/],
      [(c) => c, 'foreign', /signature/i],
    ];
    for (const [tamper, key, reason] of cases) {
      const { flow, callback } = await throughProvider(t.app, 'erin');
      idp.tamperNextIdToken(tamper, key);
      const res = await back(t.app, callback, flow);
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toMatch(reason);
    }
    expect(await t.database.db.selectFrom('people').select('name').where('name', '=', 'erin').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a replayed callback and a callback without the browser’s sign-in cookie', async () => {
    const { flow, callback } = await throughProvider(t.app, 'erin');
    expect((await back(t.app, callback, flow)).statusCode).toBe(302);
    const replay = await back(t.app, callback, flow);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toContain('unknown or was finished already');
    const other = await throughProvider(t.app, 'erin');
    const noCookie = await back(t.app, other.callback, null);
    expect(noCookie.statusCode).toBe(401);
    expect(noCookie.json().detail).toContain('cookie is missing');
  });

  it('refuses a sign-in the person cancelled at the provider, with the provider’s reason', async () => {
    const start = await t.app.inject({ url: '/api/v1/auth/oidc/start' });
    const flow = start.cookies.find((c) => c.name === 'dayone_oidc_flow')!.value;
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    // RFC 6749 §4.1.2.1: the error answer carries the state; RFC 9207 adds the issuer.
    const cancelled = new URL(`${CALLBACK}?${new URLSearchParams({ error: 'access_denied', error_description: 'The person said no', state, iss: idp.issuer })}`);
    const res = await back(t.app, cancelled, flow);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toContain('access_denied (The person said no)');
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    const { flow, callback } = await throughProvider(t.app, 'erin');
    clockOffsetMs = 11 * 60_000;
    try {
      const res = await back(t.app, callback, flow);
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toContain('longer than 10 minutes');
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('sends a browser back to the sign-in page with the reason’s code, never to a foreign site after success', async () => {
    const { flow, callback } = await throughProvider(t.app, 'erin');
    const page = await back(t.app, callback, `${flow}x`, { accept: 'text/html,application/xhtml+xml' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/signin?oidcError=OIDC_SIGN_IN_FAILED');
    const { res } = await signInWithIdp(t.app, 'erin', '//evil.example/steal');
    expect(res.headers.location).toBe('/');
  });

  it('refuses an ID token that has expired by the app’s clock', async () => {
    // oidc-provider issues ID tokens for an hour (ttl.IdToken 3600 in the fixture); this app's clock is two hours ahead.
    const late = await oidcApp(dialect, { clock: () => new Date(Date.now() + 2 * 3600_000) });
    try {
      const { flow, callback } = await throughProvider(late.app, 'erin');
      const res = await back(late.app, callback, flow);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('OIDC_SIGN_IN_FAILED');
      expect(res.json().detail).toMatch(/"exp" \(expiration time\)/);
      expect(await count(late.database, 'people')).toBe(1); // only the DAYONE_ADMIN_TOKEN machine
    } finally {
      await late.close();
    }
  });
});

// Several instances share a PostgreSQL database; the embedded database has one instance, so there both
// "instances" are the same one and the callbacks below race inside it.
describe.each(dialects)('company sign-in across instances of one database on %s', (dialect) => {
  let store: TestStore;
  let one: OidcApp;
  let two: OidcApp;
  beforeAll(async () => {
    store = newTestStore(dialect);
    one = await oidcApp(dialect, {}, store);
    two = dialect === 'postgres' ? await oidcApp(dialect, {}, store) : one;
  });
  afterAll(async () => {
    await one.close();
    if (two !== one) await two.close();
    await store.drop();
  });

  it('finishes on one instance a sign-in the other started', async () => {
    const { flow, callback } = await throughProvider(one.app, 'erin');
    const res = await back(two.app, callback, flow);
    expect(res.statusCode).toBe(302);
    const cookie = res.cookies.find((c) => c.name === 'dayone_session')!;
    const session = await one.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `dayone_session=${cookie.value}` } });
    expect(session.json().person).toMatchObject({ name: 'erin', role: 'admin' });
  });

  it('lets exactly one of two simultaneous callbacks with the same flow through', async () => {
    const { flow, callback } = await throughProvider(one.app, 'bob');
    const answers = await Promise.all([back(one.app, callback, flow), back(two.app, callback, flow)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([302, 401]);
    expect(answers.find((a) => a.statusCode === 401)!.json().detail).toContain('unknown or was finished already');
    expect(await count(one.database, 'oidc_flows')).toBe(0);
  });
});

describe.each(dialects)('company sign-in with passwords turned off on %s', (dialect) => {
  let t: OidcApp;
  beforeAll(async () => {
    t = await oidcApp(dialect, { localPasswords: false, publicUrl: undefined });
  });
  afterAll(() => t.close());

  it('answers every password route with a clear problem, and says so in the setup status', async () => {
    expect((await call(t.app, null, 'GET', '/api/v1/auth/setup')).body).toEqual({
      needsSetup: true,
      signupMode: 'open',
      localPasswords: false,
      companySignIn: { name: 'Test IdP', startUrl: '/api/v1/auth/oidc/start' },
    });
    const account = { email: 'root@example.com', password: 'correct horse battery', name: 'root', displayName: 'Root' };
    for (const [url, body] of [
      ['/api/v1/auth/setup', account],
      ['/api/v1/auth/signup', account],
      ['/api/v1/auth/signin', { email: account.email, password: account.password }],
    ] as const) {
      const res = await call(t.app, null, 'POST', url, body);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'LOCAL_PASSWORDS_OFF' });
      expect(res.body.detail).toContain('sign in with Test IdP');
    }
    expect(await count(t.database, 'people')).toBe(1);
  });

  it('builds the redirect URI from the request when DAYONE_PUBLIC_URL is unset', async () => {
    const start = await t.app.inject({ url: '/api/v1/auth/oidc/start', headers: { host: 'dayone.internal:8080' } });
    expect(new URL(String(start.headers.location)).searchParams.get('redirect_uri')).toBe('http://dayone.internal:8080/api/v1/auth/oidc/callback');
  });

  it('makes the first person who signs in through the provider the admin; the next ones are members', async () => {
    const { caller: first } = await signInWithIdp(t.app, 'erin');
    expect((await call(t.app, first, 'GET', '/api/v1/auth/session')).body.person).toMatchObject({ name: 'erin', role: 'admin', teams: [] });
    const { caller: second } = await signInWithIdp(t.app, 'bob');
    expect((await call(t.app, second, 'GET', '/api/v1/auth/session')).body.person).toMatchObject({ name: 'bob', role: 'member' });
  });
});

describe.each(dialects)('without company sign-in on %s', (dialect) => {
  it('answers the company sign-in routes with a clear problem', async () => {
    const t = await createTestApp(dialect);
    try {
      expect((await call(t.app, null, 'GET', '/api/v1/auth/setup')).body.companySignIn).toBeNull();
      for (const url of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=x&state=y']) {
        const res = await call(t.app, null, 'GET', url);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('OIDC_NOT_CONFIGURED');
      }
    } finally {
      await t.close();
    }
  });
});
