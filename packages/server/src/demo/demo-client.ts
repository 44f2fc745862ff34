/** The generator's HTTP client: every change to the demo goes through the public API, as a person of
 *  the organisation (an API token each made from their session, so the year is not spent signing in again). */

export interface DemoPerson {
  name: string;
  displayName: string;
  email: string;
}

export interface Caller {
  readonly label: string;
  headers(): Promise<Record<string, string>>;
  /** After a 401: get fresh credentials; false when there are none to get. */
  renew(): Promise<boolean>;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as the server sent it
  etag: string | null;
  /** The session cookie the answer set, if any (`dayone_session=…`). */
  session: string | null;
}

export class DemoApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body).slice(0, 800)}`);
  }
}

export const DEMO_PASSWORD = 'day-one-demo';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SendOptions {
  headers?: Record<string, string>;
  /** Statuses that are answers rather than faults (default: any 2xx). */
  accept?: number[];
  /** A body sent as it is (e.g. YAML), with its content type in headers. */
  raw?: string;
}

export class DemoApi {
  private readonly callers = new Map<string, Caller>();
  private readonly tokens: { id: string; secret: string }[] = [];
  /** Requests sent so far (for the summary). */
  requests = 0;

  /** `baseUrl` is asked on every request: the server may come back on another port after a restart. */
  constructor(readonly baseUrl: () => string) {}

  async send(caller: Caller | null, method: string, path: string, body?: unknown, options: SendOptions = {}): Promise<Reply> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { ...(caller ? await caller.headers() : {}), ...(options.headers ?? {}) };
      let payload: string | undefined;
      if (options.raw !== undefined) payload = options.raw;
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        headers['content-type'] = 'application/json';
      }
      this.requests++;
      const res = await fetch(this.baseUrl() + path, { method, headers, body: payload });
      const text = await res.text();
      const parsed = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
      if (res.status === 429 && attempt < 20) {
        await sleep(1000 * Math.max(1, Number(res.headers.get('retry-after') ?? 1)));
        continue;
      }
      if (res.status === 401 && caller && attempt === 0 && (await caller.renew())) continue;
      const ok = options.accept ? options.accept.includes(res.status) : res.status >= 200 && res.status < 300;
      if (!ok) throw new DemoApiError(method, path, res.status, parsed);
      const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('dayone_session=')) ?? null;
      return { status: res.status, body: parsed, etag: res.headers.get('etag'), session };
    }
  }

  get = (caller: Caller | null, path: string, options?: SendOptions) => this.send(caller, 'GET', path, undefined, options).then((r) => r.body);
  post = (caller: Caller | null, path: string, body?: unknown, options?: SendOptions) => this.send(caller, 'POST', path, body ?? {}, options).then((r) => r.body);
  /** A write that needs If-Match with the resource's version. */
  withVersion = (caller: Caller, method: 'PUT' | 'PATCH', path: string, version: number, body: unknown) =>
    this.send(caller, method, path, body, { headers: { 'if-match': `"${version}"` } }).then((r) => r.body);

  /** The first account (an admin), created through the first-run setup. */
  async setup(person: DemoPerson): Promise<Caller> {
    const res = await this.send(null, 'POST', '/api/v1/auth/setup', { email: person.email, password: DEMO_PASSWORD, name: person.name, displayName: person.displayName });
    return this.remember(person, res);
  }

  /** A person signs up (open sign-up). */
  async signUp(person: DemoPerson): Promise<Caller> {
    const res = await this.send(null, 'POST', '/api/v1/auth/signup', { email: person.email, password: DEMO_PASSWORD, name: person.name, displayName: person.displayName });
    return this.remember(person, res);
  }

  /** The caller for a person who signed up earlier (signing in when this client has no token for them). */
  as(person: DemoPerson): Caller {
    const known = this.callers.get(person.name);
    if (known) return known;
    const caller = this.personCaller(person, null);
    this.callers.set(person.name, caller);
    return caller;
  }

  /** Revokes every token the generator made, so none is left behind in the organisation. */
  async revokeTokens(): Promise<void> {
    for (const { id, secret } of this.tokens.splice(0)) {
      await this.send({ label: 'token', headers: async () => ({ authorization: `Bearer ${secret}` }), renew: async () => false }, 'DELETE', `/api/v1/tokens/${id}`);
    }
  }

  private async remember(person: DemoPerson, res: Reply): Promise<Caller> {
    const caller = this.personCaller(person, res.session ? { cookie: res.session, csrf: res.body.csrfToken as string } : null);
    this.callers.set(person.name, caller);
    await caller.headers();
    return caller;
  }

  /** A person acts through an API token made from their session: sessions last two weeks and the
   *  demo's year is longer, and signing in again costs a password hash each time. */
  private personCaller(person: DemoPerson, first: { cookie: string; csrf: string } | null): Caller {
    let session = first;
    let token: string | null = null;
    let pending: Promise<void> | null = null;
    const signIn = async () => {
      const res = await fetch(this.baseUrl() + '/api/v1/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: DEMO_PASSWORD }) });
      if (res.status !== 200) throw new DemoApiError('POST', '/api/v1/auth/signin', res.status, await res.text());
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('dayone_session='));
      if (!cookie) throw new Error(`signing in ${person.name} set no session cookie`);
      return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    const obtain = async () => {
      for (let attempt = 0; attempt < 2; attempt++) {
        session ??= await signIn();
        const res = await fetch(this.baseUrl() + '/api/v1/tokens', {
          method: 'POST',
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Demo generator' }),
        });
        if (res.status === 401) {
          session = null;
          continue;
        }
        if (res.status !== 201) throw new DemoApiError('POST', '/api/v1/tokens', res.status, await res.text());
        const created = (await res.json()) as { id: string; token: string };
        this.tokens.push({ id: created.id, secret: created.token });
        token = created.token;
        return;
      }
      throw new Error(`${person.name} could not sign in`);
    };
    return {
      label: person.name,
      async headers() {
        if (!token) await (pending ??= obtain().finally(() => (pending = null)));
        return { authorization: `Bearer ${token}` };
      },
      async renew() {
        token = null;
        return true;
      },
    };
  }
}
