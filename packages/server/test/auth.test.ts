import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, call, createTestApp, dialects, sessionHeaders, signUp, type Caller, type TestApp } from './harness';

describe.each(dialects)('accounts and sessions on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('offers setup first; the first account becomes admin and setup closes', async () => {
    const before = await call(t.app, null, 'GET', '/api/v1/auth/setup');
    expect(before.body).toEqual({ needsSetup: true, signupMode: 'open', localPasswords: true, companySignIn: null });
    const early = await call(t.app, null, 'POST', '/api/v1/auth/signup', { email: 'x@example.com', password: 'long enough pw', name: 'x', displayName: 'X' });
    expect(early.status).toBe(403);
    admin = await signUp(t.app, 'root');
    const session = await call(t.app, admin, 'GET', '/api/v1/auth/session');
    expect(session.body.person).toMatchObject({ name: 'root', role: 'admin', email: 'root@example.com' });
    const again = await call(t.app, null, 'POST', '/api/v1/auth/setup', { email: 'y@example.com', password: 'long enough pw', name: 'y', displayName: 'Y' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SETUP_ALREADY_DONE');
    expect((await call(t.app, null, 'GET', '/api/v1/auth/setup')).body.needsSetup).toBe(false);
  });

  it('validates sign-up fields and refuses taken names and emails', async () => {
    const bad = await call(t.app, null, 'POST', '/api/v1/auth/signup', { email: 'not-an-email', password: 'short', name: 'a b', displayName: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.displayName', 'body.email', 'body.name', 'body.password']);
    await signUp(t.app, 'carol');
    const name = await call(t.app, null, 'POST', '/api/v1/auth/signup', { email: 'other@example.com', password: 'long enough pw', name: 'Carol', displayName: 'C' });
    expect(name.body.code).toBe('PERSON_NAME_TAKEN');
    const email = await call(t.app, null, 'POST', '/api/v1/auth/signup', { email: 'CAROL@example.com', password: 'long enough pw', name: 'carol2', displayName: 'C' });
    expect(email.body.code).toBe('PERSON_EMAIL_TAKEN');
  });

  it('signs in with email and password, never storing the password', async () => {
    const wrong = await call(t.app, null, 'POST', '/api/v1/auth/signin', { email: 'carol@example.com', password: 'wrong password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    const ok = await call(t.app, null, 'POST', '/api/v1/auth/signin', { email: 'Carol@Example.com', password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    const cookie = ok.raw.cookies.find((c) => c.name === 'dayone_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const row = await t.database.db.selectFrom('people').select('password_hash').where('name', '=', 'carol').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain('correct horse');
  });

  it('needs the CSRF token on cookie-authenticated writes', async () => {
    const ok = await call(t.app, null, 'POST', '/api/v1/auth/signin', { email: 'carol@example.com', password: 'correct horse battery' });
    const headers = sessionHeaders(ok.raw.cookies, ok.body.csrfToken);
    const noCsrf = await call(t.app, { name: 'carol', headers: { cookie: headers.cookie } }, 'POST', '/api/v1/teams', { name: 'csrf-test' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('CSRF_TOKEN_MISSING');
    const wrong = await call(t.app, { name: 'carol', headers: { cookie: headers.cookie, 'x-csrf-token': 'x'.repeat(32) } }, 'POST', '/api/v1/teams', { name: 'csrf-test' });
    expect(wrong.status).toBe(403);
    expect((await call(t.app, { name: 'carol', headers }, 'POST', '/api/v1/teams', { name: 'csrf-test' })).status).toBe(201);
    const signout = await call(t.app, { name: 'carol', headers }, 'POST', '/api/v1/auth/signout');
    expect(signout.status).toBe(204);
    expect((await call(t.app, { name: 'carol', headers }, 'GET', '/api/v1/teams')).status).toBe(401);
  });

  it('slows down repeated failed sign-ins with 429 and Retry-After', async () => {
    const attempt = () => call(t.app, null, 'POST', '/api/v1/auth/signin', { email: 'carol@example.com', password: 'guess guess' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
    const locked = await attempt();
    expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('in invite mode needs a valid invitation for the invited email', async () => {
    const settings = await call(t.app, adminCaller, 'GET', '/api/v1/settings');
    const memberPatch = await call(t.app, await signUp(t.app, 'dave'), 'PATCH', '/api/v1/settings', { signupMode: 'invite' }, { 'if-match': settings.headers.etag as string });
    expect(memberPatch.status).toBe(403);
    const patched = await call(t.app, adminCaller, 'PATCH', '/api/v1/settings', { signupMode: 'invite' }, { 'if-match': settings.headers.etag as string });
    expect(patched.body).toEqual({ signupMode: 'invite', version: 2 });
    const body = { email: 'erin@example.com', password: 'long enough pw', name: 'erin', displayName: 'Erin' };
    const without = await call(t.app, null, 'POST', '/api/v1/auth/signup', body);
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('SIGNUP_INVITE_REQUIRED');
    const invite = await call(t.app, adminCaller, 'POST', '/api/v1/invites', { email: 'erin@example.com' });
    expect(invite.status).toBe(201);
    const other = await call(t.app, null, 'POST', '/api/v1/auth/signup', { ...body, email: 'mallory@example.com', name: 'mallory', inviteCode: invite.body.code });
    expect(other.body.errors[0]).toEqual({ path: 'inviteCode', message: 'the invitation is for erin@example.com' });
    const ok = await call(t.app, null, 'POST', '/api/v1/auth/signup', { ...body, inviteCode: invite.body.code });
    expect(ok.status).toBe(201);
    const reuse = await call(t.app, null, 'POST', '/api/v1/auth/signup', { ...body, email: 'erin2@example.com', name: 'erin2', inviteCode: invite.body.code });
    expect(reuse.status).toBe(403);
    const list = await call(t.app, adminCaller, 'GET', '/api/v1/invites');
    expect(list.body.items[0].usedAt).not.toBeNull();
  });

  it('lists people with their teams and searches them', async () => {
    const res = await call(t.app, adminCaller, 'GET', '/api/v1/people?q=caro');
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(['carol']);
    expect(res.body.items[0].teams).toEqual(['csrf-test']);
    expect((await call(t.app, adminCaller, 'GET', '/api/v1/people/nobody')).status).toBe(404);
  });
});
