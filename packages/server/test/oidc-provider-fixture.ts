import http from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import Provider from 'oidc-provider';

/** Someone the test identity provider knows; they sign in by typing `login`. */
export interface TestAccount {
  login: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** Rewrites the claims of the next ID token the provider issues, re-signed with the provider's own key. */
export type IdTokenTamper = (claims: Record<string, unknown>) => Record<string, unknown>;

export interface TestProvider {
  issuer: string;
  /** The next token answer's ID token gets these claims instead (a test-only path; the signature stays valid). */
  tamperNextIdToken(tamper: IdTokenTamper, key?: 'provider' | 'foreign'): void;
  close(): Promise<void>;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function resign(jwt: string, tamper: IdTokenTamper, key: KeyObject): string {
  const [header, payload] = jwt.split('.');
  const claims = tamper(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  const body = `${header}.${b64url(JSON.stringify(claims))}`;
  return `${body}.${b64url(sign('sha256', Buffer.from(body), key))}`;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A real OpenID provider (the oidc-provider package) on a loopback port: one confidential client
 *  whose PKCE is required, an in-memory account list, and a minimal sign-in page of its own at
 *  /interaction/:uid (type a login, press "Sign in"; consent is granted with it). */
export async function startTestProvider(options: { clients: TestClient[]; accounts: TestAccount[] }): Promise<TestProvider> {
  const accounts = new Map(options.accounts.map((a) => [a.login, a]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-provider-key', use: 'sig', alg: 'RS256' };
  let tamper: { fn: IdTokenTamper; key: KeyObject } | null = null;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          preferred_username: account.login,
          ...(account.email !== undefined && { email: account.email, email_verified: account.emailVerified ?? false }),
          ...(account.name !== undefined && { name: account.name }),
          ...(account.groups !== undefined && { groups: account.groups }),
        }),
      };
    },
  });

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (tamper && ctx.path === '/token' && body?.id_token) {
      body.id_token = resign(body.id_token, tamper.fn, tamper.key);
      tamper = null;
    }
  });

  const providerCallback = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (!match) return providerCallback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return res.end(
          page(
            'Sign in to the test identity provider',
            `<form method="post" action="/interaction/${escapeHtml(match[1])}"><label>Login <input name="login" autocomplete="username"></label> <button type="submit">Sign in</button></form>`,
          ),
        );
      }
      const login = (await formBody(req)).get('login') ?? '';
      if (!accounts.has(login)) {
        res.statusCode = 401;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return res.end(page('Unknown login', `<p>Nobody signs in as ${escapeHtml(login)} here.</p>`));
      }
      const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((error: Error) => {
      res.statusCode = 400;
      res.end(`interaction failed: ${error.message}`);
    });
  });

  return {
    issuer,
    tamperNextIdToken(fn, key = 'provider') {
      tamper = { fn, key: key === 'provider' ? privateKey : foreignKey };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A cookie jar for one site, as a browser would keep it (names only; paths are not needed here). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(setCookie: string[]): void {
    for (const line of setCookie) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** The browser's part at the provider: follows its redirects, signs in as `login` on its page, and
 *  returns the URL the provider finally sends the browser to (the app's callback). */
export async function signInAtProvider(authorizationUrl: string, login: string, jar = new CookieJar()): Promise<URL> {
  let url = new URL(authorizationUrl);
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body && { 'content-type': 'application/x-www-form-urlencoded' }) },
      body,
    });
    jar.store(res.headers.getSetCookie());
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.origin !== url.origin) return next;
      url = next;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200 || !url.pathname.startsWith('/interaction/')) throw new Error(`the provider answered ${res.status} at ${url.pathname}: ${html.slice(0, 300)}`);
    method = 'POST';
    body = new URLSearchParams({ login }).toString();
  }
  throw new Error('the provider kept redirecting');
}
