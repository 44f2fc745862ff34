import { corpusPieces, corpusText, javascriptUrl } from './xss-corpus';

export type Reply = { status: number; body: any };
export type Api = (method: string, path: string, body?: unknown, ifMatch?: number) => Promise<Reply>;

const PASSWORD = 'correct horse battery';

/** Creates the first account over the API and returns a client with its session, and the session cookie. */
export async function firstAccountApi(url: string, name: string, displayName: string): Promise<{ api: Api; cookie: string }> {
  const res = await fetch(`${url}/api/v1/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD, name, displayName }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('dayone_session='))!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const api: Api = async (method, path, body, ifMatch) => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
    const r = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text && (r.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  };
  return { api, cookie: cookie.slice('dayone_session='.length) };
}

async function signUp(url: string, name: string, displayName: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD, name, displayName }),
  });
  if (res.status !== 201) throw new Error(`sign-up of ${name} failed: ${res.status} ${await res.text()}`);
}

/** What the seeding made: the values that fill the web app's route parameters. */
export interface Seeded {
  teams: string[];
  people: string[];
  services: string[];
  pulls: string[];
  experiments: string[];
  coes: number[];
  webhooks: string[];
  /** Writes that were refused, as "what: status code" (a refused javascript: link is good news, not a failure). */
  refused: string[];
}

/** Puts the corpus through the API into every text field the web app shows. Objects come in as many copies
 *  as the short fields need to hold every payload; long fields (missions, descriptions, sections, comments)
 *  hold the whole corpus each. */
export async function seedCorpus(url: string, api: Api, admin: string): Promise<Seeded> {
  const short = corpusPieces(200);
  const tiny = corpusPieces(100);
  const medium = corpusPieces(1000);
  const s: Seeded = { teams: [], people: [admin], services: [], pulls: [], experiments: [], coes: [], webhooks: [], refused: [] };
  const must = async (what: string, reply: Promise<Reply>): Promise<any> => {
    const r = await reply;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** Tries with a javascript: link first, and without it when the API refuses the link. */
  const withLink = async (what: string, send: (link: string | undefined) => Promise<Reply>): Promise<any> => {
    const first = await send(javascriptUrl);
    if (first.status < 300) return first.body;
    s.refused.push(`${what} with a javascript: link: ${first.status} ${first.body?.code}`);
    return must(what, send(undefined));
  };

  // The copies are independent of each other: seeded side by side.
  const seedOne = async (text: string, i: number) => {
    const team = `xss-team-${i}`;
    const person = `xss-person-${i}`;
    const service = `xss-service-${i}`;
    const key = `xss-experiment-${i}`;
    const piece = medium[i % medium.length];
    await signUp(url, person, text);
    await must('team', api('POST', '/api/v1/teams', { name: team, displayName: text, mission: corpusText }));
    await must('member', api('POST', `/api/v1/teams/${team}/members`, { person }));
    s.teams.push(team);
    s.people.push(person);

    await withLink('catalog entity', (link) =>
      api('POST', '/api/v1/catalog/entities', {
        kind: 'Component',
        name: service,
        title: text,
        description: corpusText,
        owner: team,
        lifecycle: 'production',
        type: text.slice(0, 100),
        tier: text.slice(0, 50),
        links: [...(link ? [{ url: link, title: text }] : []), { url: 'https://example.com/runbook', title: text }],
        labels: { note: text },
        annotations: { 'dayone.dev/note': text },
      }),
    );
    s.services.push(service);

    const pull = await must('pull', api('POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: service }, reason: piece, severity: 3 }));
    s.pulls.push(pull.id);
    await must('pull comment', api('POST', `/api/v1/andon/pulls/${pull.id}/comments`, { body: corpusText }));
    await must('override', api('POST', `/api/v1/andon/pulls/${pull.id}/overrides`, { reason: piece, minutes: 60 }));
    if (i % 2 === 1) await must('resolve', api('POST', `/api/v1/andon/pulls/${pull.id}/resolve`, { note: corpusText }));

    const coe = await must('COE', api('POST', '/api/v1/coes', { title: text, team, services: [service], pulls: [pull.id] }));
    s.coes.push(coe.number);
    await fillCoe(api, coe.number, text, must);
    await withLink('action item', (link) =>
      api('POST', `/api/v1/coes/${coe.number}/action-items`, { title: text, owner: person, dueDate: '2030-01-01', type: 'prevent', ...(link ? { link } : {}) }),
    );
    await must('COE comment', api('POST', `/api/v1/coes/${coe.number}/comments`, { section: 'summary', body: corpusText }));
    if (i % 2 === 1) {
      await must('submit', api('POST', `/api/v1/coes/${coe.number}/submit`));
      await must('review', api('POST', `/api/v1/coes/${coe.number}/reviews`, { note: corpusText }));
    }

    await must('experiment', api('POST', '/api/v1/experiments', {
      key,
      name: text,
      hypothesis: corpusText,
      team,
      variants: [{ name: `A ${tiny[i % tiny.length]}`.slice(0, 100), weight: 0.5 }, { name: `B ${tiny[(i + 1) % tiny.length]}`.slice(0, 100), weight: 0.5 }],
      metrics: [{ key: 'clicks', name: text }],
    }));
    s.experiments.push(key);
    if (i % 2 === 1) {
      await must('start', api('POST', `/api/v1/experiments/${key}/start`));
      await must('stop', api('POST', `/api/v1/experiments/${key}/stop`));
      await must('decision', api('POST', `/api/v1/experiments/${key}/decision`, { decision: 'iterate', lesson: corpusText }));
    }

    const hook = await must('webhook', api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/xss', events: ['*'], team, description: piece.slice(0, 500) }));
    s.webhooks.push(hook.id);
    await seedPrfaq(api, team, text, piece);
  };
  await Promise.all(short.map(seedOne));
  for (const name of tiny) await must('token', api('POST', '/api/v1/tokens', { name }));
  return s;
}

type Must = (what: string, reply: Promise<Reply>) => Promise<any>;

/** Every section of a COE, each text in it a payload. */
async function fillCoe(api: Api, number: number, text: string, must: Must): Promise<void> {
  const detail = await must('COE detail', api('GET', `/api/v1/coes/${number}`));
  const version = (name: string) => detail.sections.find((x: { name: string }) => x.name === name).version as number;
  const put = (name: string, content: unknown) => must(`section ${name}`, api('PUT', `/api/v1/coes/${number}/sections/${name}`, { content }, version(name)));
  await put('summary', corpusText);
  await put('impact', { description: corpusText, customersAffected: 3 });
  await put('timeline', [{ at: '2026-11-20T10:00:00Z', text, milestone: 'started' }, { at: '2026-11-20T10:05:00Z', text: corpusText, milestone: 'detected' }]);
  await put('rootCause', [{ title: text, steps: [{ why: text, because: corpusText }] }]);
  await put('questions', { detection: corpusText, diagnosis: corpusText, mitigation: corpusText, prevention: corpusText });
  await put('wentWell', corpusText);
  await put('lessons', corpusText);
}

/** A PR/FAQ with the corpus in its title, customer, press release and FAQ, where the API has PR/FAQs. */
async function seedPrfaq(api: Api, team: string, text: string, piece: string): Promise<void> {
  const created = await api('POST', '/api/v1/prfaqs', { title: text, team, customer: piece });
  if (created.status === 404) return;
  if (created.status !== 201) throw new Error(`PR/FAQ: ${created.status} ${JSON.stringify(created.body)}`);
  const number = created.body.number;
  const detail = (await api('GET', `/api/v1/prfaqs/${number}`)).body;
  const version = (name: string) => detail.sections.find((x: { name: string }) => x.name === name)?.version as number;
  const limits: Record<string, number> = { heading: 300, subheading: 600, city: 100, outlet: 100, launchDate: 100 };
  const fields = ['heading', 'subheading', 'city', 'outlet', 'launchDate', 'summary', 'problem', 'solution', 'leaderQuote', 'gettingStarted', 'customerQuote', 'callToAction'];
  const pressRelease = Object.fromEntries(fields.map((f) => [f, (limits[f] ? text : corpusText).slice(0, limits[f] ?? 20_000)]));
  const saved = await api('PUT', `/api/v1/prfaqs/${number}/sections/pressRelease`, { content: pressRelease }, version('pressRelease'));
  if (saved.status !== 200) throw new Error(`PR/FAQ press release: ${saved.status} ${JSON.stringify(saved.body)}`);
  const faq = await api('PUT', `/api/v1/prfaqs/${number}/sections/externalFaq`, { content: [{ question: piece, answer: corpusText }] }, version('externalFaq'));
  if (faq.status !== 200) throw new Error(`PR/FAQ FAQ: ${faq.status} ${JSON.stringify(faq.body)}`);
}
