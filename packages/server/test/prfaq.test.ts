import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';

const PRESS_RELEASE = {
  heading: 'Day One Ledger lets finance teams close the books in one day',
  subheading: 'Controllers at mid-sized companies reconcile every account automatically.',
  city: 'SEATTLE',
  outlet: 'Day One Wire',
  launchDate: '1 March 2027',
  summary: 'Today we launch Ledger, which lets controllers close the month in one day instead of nine.',
  problem: 'Controllers spend nine days a month matching 40,000 bank lines by hand.',
  solution: 'Ledger matches bank lines to invoices as they arrive.',
};

describe.each(dialects)('PR/FAQ documents and review rounds on %s', (dialect) => {
  let t: TestApp;
  let author: Caller;
  let mate: Caller;
  let reader: Caller;
  let n: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    author = await signUp(t.app, 'ada');
    mate = await signUp(t.app, 'ben');
    reader = await signUp(t.app, 'cy');
    await call(t.app, author, 'POST', '/api/v1/teams', { name: 'ledger' });
    await call(t.app, author, 'POST', '/api/v1/teams/ledger/members', { person: 'ben' });
  });
  afterAll(() => t.close());

  const put = (caller: Caller, section: string, content: unknown, version: number) =>
    call(t.app, caller, 'PUT', `/api/v1/prfaqs/${n}/sections/${section}`, { content }, { 'if-match': `"${version}"` });

  it('creates a draft with every section empty, guidance per section and the internal FAQ prompts', async () => {
    const created = await call(t.app, author, 'POST', '/api/v1/prfaqs', { title: 'Ledger', team: 'Ledger', customer: 'controllers' });
    expect(created.status).toBe(201);
    n = created.body.number;
    expect(created.body).toMatchObject({ team: 'ledger', author: 'ada', customer: 'controllers', status: 'draft', decision: null, currentVersion: 1, bet: null });
    expect(created.body.sections.map((s: { name: string }) => s.name)).toEqual(['pressRelease', 'externalFaq', 'internalFaq', 'customerExperience', 'userManual']);
    expect(created.body.sections.every((s: { guidance: string }) => s.guidance.length > 20)).toBe(true);
    const internal = created.body.sections.find((s: { name: string }) => s.name === 'internalFaq').content;
    expect(internal.map((q: { topic: string }) => q.topic)).toEqual(['marketSize', 'economics', 'dependencies', 'risks', 'whatMustBeTrue']);
    expect(created.body.statusHistory).toEqual([{ from: null, to: 'draft', by: 'ada', at: expect.any(String), note: '' }]);
    expect(created.headers.etag).toBe('"1"');
    // The writing coach reads the current version; an empty draft misses every press-release part.
    expect(created.body.coach.score).toBeGreaterThanOrEqual(0);
    const missingIn = (coach: { findings: { rule: string; section: string }[] }) => coach.findings.filter((f) => f.rule === 'missing-part').map((f) => f.section);
    expect(missingIn(created.body.coach)).toEqual(expect.arrayContaining(['pressRelease.heading', 'pressRelease.leaderQuote']));
  });

  it('refuses a missing team, a bad field and an unknown document, naming the field', async () => {
    const ghost = await call(t.app, author, 'POST', '/api/v1/prfaqs', { title: 'X', team: 'nobody' });
    expect([ghost.status, ghost.body.errors[0].path]).toEqual([400, 'team']);
    const noTitle = await call(t.app, author, 'POST', '/api/v1/prfaqs', { title: ' ', team: 'ledger' });
    expect(noTitle.status).toBe(400);
    expect((await call(t.app, author, 'GET', '/api/v1/prfaqs/9999')).body.code).toBe('PRFAQ_NOT_FOUND');
    const badFaq = await put(author, 'externalFaq', [{ question: '', answer: 'x' }], 1);
    expect([badFaq.status, badFaq.body.errors[0].path]).toEqual([400, 'content.0.question']);
    const script = await put(author, 'customerExperience', { mockups: [{ url: 'javascript:alert(1)', alt: 'x' }] }, 1);
    expect([script.status, script.body.errors[0].path]).toEqual([400, 'content.mockups.0.url']);
    const noIfMatch = await call(t.app, author, 'PUT', `/api/v1/prfaqs/${n}/sections/pressRelease`, { content: {} });
    expect(noIfMatch.status).toBe(428);
    const outsider = await put(reader, 'pressRelease', { heading: 'mine' }, 1);
    expect([outsider.status, outsider.body.code]).toEqual([403, 'PRFAQ_EDIT_FORBIDDEN']);
  });

  it('makes every save a version; the same section saved over a stale version gets 412 with the current text', async () => {
    const [a, b] = await Promise.all([put(author, 'pressRelease', PRESS_RELEASE, 1), put(mate, 'userManual', { concepts: 'A match links a bank line to an invoice.' }, 1)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.documentVersion, b.body.documentVersion].sort()).toEqual([2, 3]);
    const stale = await put(mate, 'pressRelease', { heading: 'A different heading' }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ version: 2, updatedBy: 'ada', content: { heading: PRESS_RELEASE.heading, summary: PRESS_RELEASE.summary } });
    const merged = await put(mate, 'pressRelease', { ...stale.body.current.content, callToAction: 'Start at ledger.example.com.' }, stale.body.current.version);
    expect(merged.status).toBe(200);
    const doc = await call(t.app, author, 'GET', `/api/v1/prfaqs/${n}`);
    const pr = doc.body.sections.find((s: { name: string }) => s.name === 'pressRelease');
    expect(pr.content).toMatchObject({ heading: PRESS_RELEASE.heading, callToAction: 'Start at ledger.example.com.' });
    expect(pr.version).toBe(3);
    const missing = doc.body.coach.findings.filter((f: { rule: string }) => f.rule === 'missing-part').map((f: { section: string }) => f.section);
    expect(missing).toContain('pressRelease.leaderQuote');
    expect(missing).not.toContain('pressRelease.heading');
    expect(doc.body.currentVersion).toBe(4);
    const versions = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/versions`);
    expect(versions.body.items.map((v: { number: number }) => v.number)).toEqual([4, 3, 2, 1]);
    expect(versions.body.items[3]).toMatchObject({ changed: 'created', savedBy: 'ada' });
    const page = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/versions?limit=2`);
    const next = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/versions?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });

  it('keeps every version whole and compares any two section by section', async () => {
    const v1 = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/versions/1`);
    expect(v1.body.sections.find((s: { name: string }) => s.name === 'pressRelease').content.heading).toBe('');
    const v4 = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/versions/4`);
    expect(v4.body.sections.find((s: { name: string }) => s.name === 'userManual').content.concepts).toBe('A match links a bank line to an invoice.');
    expect((await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/versions/99`)).body.code).toBe('PRFAQ_VERSION_NOT_FOUND');
    const cmp = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/compare?from=1&to=4`);
    expect(cmp.status).toBe(200);
    const byName = Object.fromEntries(cmp.body.sections.map((s: { name: string }) => [s.name, s]));
    expect(byName.externalFaq.changed).toBe(false);
    expect(byName.userManual.changes).toEqual([{ path: 'concepts', from: '', to: 'A match links a bank line to an invoice.' }]);
    expect(byName.pressRelease.changes.map((c: { path: string }) => c.path)).toEqual(['heading', 'subheading', 'city', 'outlet', 'launchDate', 'summary', 'problem', 'solution', 'callToAction']);
    expect((await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/compare?from=1&to=77`)).status).toBe(404);
  });

  it('changes details over If-Match, title and customer as new versions, and exports Markdown', async () => {
    const stale = await call(t.app, author, 'PATCH', `/api/v1/prfaqs/${n}`, { customer: 'finance controllers' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const ok = await call(t.app, author, 'PATCH', `/api/v1/prfaqs/${n}`, { customer: 'finance controllers' }, { 'if-match': '"1"' });
    expect(ok.body).toMatchObject({ customer: 'finance controllers', version: 2, currentVersion: 5 });
    expect(ok.headers.etag).toBe('"2"');
    const md = await t.app.inject({ method: 'GET', url: `/api/v1/prfaqs/${n}/markdown`, headers: reader.headers });
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain(`# ${PRESS_RELEASE.heading}`);
    expect(md.body).toContain('**SEATTLE — Day One Wire — 1 March 2027** — Today we launch Ledger');
    expect(md.body).toContain('### How many customers have this problem, and how big is the market?');
    expect(md.body).toContain('Customer: finance controllers');
    const old = await t.app.inject({ method: 'GET', url: `/api/v1/prfaqs/${n}/markdown?version=1`, headers: reader.headers });
    expect(old.body).toContain('# Ledger');
    expect(old.body).toContain('Customer: controllers');
    const found = await call(t.app, reader, 'GET', '/api/v1/prfaqs?q=bank%20lines');
    expect(found.body.items.map((p: { number: number }) => p.number)).toEqual([n]);
  });

  it('runs review rounds: a frozen version, reading time, anchored threaded comments, resolution, and the next round on a revision', async () => {
    const early = await call(t.app, reader, 'POST', `/api/v1/prfaqs/${n}/rounds`, { reviewers: [] });
    expect(early.status).toBe(403);
    const ghost = await call(t.app, author, 'POST', `/api/v1/prfaqs/${n}/rounds`, { reviewers: ['cy', 'nobody'] });
    expect([ghost.status, ghost.body.errors[0].path]).toEqual([400, 'reviewers.1']);
    const round = await call(t.app, author, 'POST', `/api/v1/prfaqs/${n}/rounds`, { reviewers: ['cy', 'CY'] });
    expect(round.status).toBe(201);
    expect(round.body).toMatchObject({ number: 1, version: 5, reviewers: ['cy'], closedAt: null, openComments: 0 });
    expect(round.body.wordCount).toBeGreaterThan(60);
    expect(round.body.readingMinutes).toBe(Math.ceil(round.body.wordCount / 200));
    expect((await call(t.app, author, 'GET', `/api/v1/prfaqs/${n}`)).body.status).toBe('in_review');
    const invited = (await call(t.app, reader, 'GET', '/api/v1/notifications')).body.items;
    expect(invited.map((x: { kind: string; link: string }) => [x.kind, x.link])).toEqual([['prfaq.review_invited', `/prfaqs/${n}`]]);
    // Edits after the round starts make new versions; the round keeps reading version 5.
    await put(author, 'externalFaq', [{ question: 'What does it cost?', answer: '$10 per account a month.' }], 1);
    const url = `/api/v1/prfaqs/${n}/rounds/1/comments`;
    const quote = 'nine days a month';
    const start = PRESS_RELEASE.problem.indexOf(quote);
    const thread = await call(t.app, reader, 'POST', url, { body: 'Where does nine come from?', anchor: { section: 'pressRelease', field: 'problem', start, end: start + quote.length, quote } });
    expect(thread.status).toBe(201);
    expect(thread.body).toMatchObject({ author: 'cy', parentId: null, anchor: { section: 'pressRelease', field: 'problem', quote }, resolved: false });
    const wrong = await call(t.app, reader, 'POST', url, { body: 'x', anchor: { section: 'pressRelease', field: 'problem', start: 0, end: 4, quote: 'Nope' } });
    expect([wrong.status, wrong.body.errors[0].path]).toEqual([400, 'anchor.quote']);
    const past = await call(t.app, reader, 'POST', url, { body: 'x', anchor: { section: 'pressRelease', field: 'problem', start: 0, end: 5000, quote: 'x' } });
    expect(past.body.errors[0].path).toBe('anchor.end');
    const notText = await call(t.app, reader, 'POST', url, { body: 'x', anchor: { section: 'externalFaq', field: '0.answer', start: 0, end: 1, quote: '$' } });
    expect(notText.body.errors[0].path).toBe('anchor.field'); // version 5 had no external FAQ yet
    const reply = await call(t.app, author, 'POST', url, { body: 'From our survey of 120 controllers.', parentId: thread.body.id });
    expect(reply.status).toBe(201);
    const nested = await call(t.app, reader, 'POST', url, { body: 'Which survey?', parentId: reply.body.id });
    expect(nested.body.parentId).toBe(reply.body.id);
    expect((await call(t.app, author, 'POST', url, { body: 'x', parentId: 'nope' })).body.code).toBe('PRFAQ_COMMENT_NOT_FOUND');
    const resolveUrl = `/api/v1/prfaqs/${n}/rounds/1/comments/${thread.body.id}/resolve`;
    expect((await call(t.app, mate, 'POST', `/api/v1/prfaqs/${n}/rounds/1/comments/${reply.body.id}/resolve`, {})).status).toBe(200);
    const resolved = await call(t.app, author, 'POST', resolveUrl, { resolved: true });
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: 'ada', replies: [{ body: 'From our survey of 120 controllers.', resolved: true }, { body: 'Which survey?', parentId: reply.body.id }] });
    const meeting = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/rounds/1`);
    expect(meeting.body.document.number).toBe(5);
    expect(meeting.body.document.sections.find((s: { name: string }) => s.name === 'externalFaq').content).toEqual([]);
    expect(meeting.body.comments).toHaveLength(1);
    expect(meeting.body.comments[0].replies.map((c: { author: string }) => c.author)).toEqual(['ada', 'cy']);
    expect(meeting.body.readingMinutes).toBe(round.body.readingMinutes);
    // The next round reads the revision and closes the first; a round on an unchanged version is refused.
    const second = await call(t.app, author, 'POST', `/api/v1/prfaqs/${n}/rounds`, { reviewers: ['ben'] });
    expect(second.body).toMatchObject({ number: 2, version: 6 });
    const same = await call(t.app, author, 'POST', `/api/v1/prfaqs/${n}/rounds`, {});
    expect([same.status, same.body.code]).toEqual([409, 'PRFAQ_STATE']);
    const closedComment = await call(t.app, reader, 'POST', url, { body: 'late' });
    expect([closedComment.status, closedComment.body.code]).toEqual([409, 'PRFAQ_ROUND_CLOSED']);
    const rounds = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/rounds`);
    expect(rounds.body.items.map((r: { number: number; closedAt: string | null }) => [r.number, r.closedAt === null])).toEqual([[1, false], [2, true]]);
    expect((await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/rounds/9`)).body.code).toBe('PRFAQ_ROUND_NOT_FOUND');
  });

  it('keeps mock-ups in the attachment store; a mock-up must be one of this document’s images', async () => {
    // PNG signature from RFC 2083 §3.1, then any bytes.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-mock-up')]);
    const upload = (caller: Caller, body: Buffer, type: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/prfaqs/${n}/mockups?filename=screen.png`, payload: body, headers: { ...caller.headers, 'content-type': type } });
    const up = await upload(author, png, 'image/png');
    expect(up.statusCode).toBe(201);
    const image = up.json();
    expect(image).toMatchObject({ mediaType: 'image/png', filename: 'screen.png', url: `/api/v1/attachments/${image.id}` });
    expect((await upload(reader, png, 'image/png')).statusCode).toBe(403);
    expect((await upload(author, Buffer.from('a,b\n1,2\n'), 'text/csv')).statusCode).toBe(415);
    const list = await call(t.app, reader, 'GET', `/api/v1/prfaqs/${n}/mockups`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([image.id]);
    const cx = (await call(t.app, author, 'GET', `/api/v1/prfaqs/${n}`)).body.sections.find((s: { name: string }) => s.name === 'customerExperience');
    const foreign = await put(author, 'customerExperience', { mockups: [{ url: '/api/v1/attachments/not-ours', alt: 'Inbox' }] }, cx.version);
    expect([foreign.status, foreign.body.errors[0].path]).toEqual([400, 'content.mockups.0.url']);
    const saved = await put(author, 'customerExperience', {
      narrative: 'The controller opens Ledger and sees every unmatched line.',
      mockups: [{ url: image.url, alt: 'The matching inbox', caption: 'Unmatched lines first' }, { url: 'https://example.com/flow.png', alt: 'The flow' }],
      useCases: [{ title: 'Match from the CLI', code: 'ledger match --month 2027-02', language: 'sh' }],
    }, cx.version);
    expect(saved.status).toBe(200);
    const md = await t.app.inject({ method: 'GET', url: `/api/v1/prfaqs/${n}/markdown`, headers: reader.headers });
    expect(md.body).toContain(`![The matching inbox](${image.url})`);
    expect(md.body).toContain('```sh\nledger match --month 2027-02\n```');
  });

  it('records every status step; building waits for a yes', async () => {
    const building = await call(t.app, author, 'POST', `/api/v1/prfaqs/${n}/status`, { status: 'building' });
    expect([building.status, building.body.code]).toEqual([409, 'PRFAQ_STATE']);
    const shelved = await call(t.app, mate, 'POST', `/api/v1/prfaqs/${n}/status`, { status: 'shelved', note: 'Parked for the quarter' });
    expect(shelved.body.status).toBe('shelved');
    expect((await put(author, 'userManual', { concepts: 'x' }, 2)).body.code).toBe('PRFAQ_STATE');
    const back = await call(t.app, author, 'POST', `/api/v1/prfaqs/${n}/status`, { status: 'draft' });
    expect(back.body.statusHistory.map((e: { from: string | null; to: string; by: string }) => [e.from, e.to, e.by])).toEqual([
      [null, 'draft', 'ada'], ['draft', 'in_review', 'ada'], ['in_review', 'shelved', 'ben'], ['shelved', 'draft', 'ada'],
    ]);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'prfaq.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['prfaq.created', 'prfaq.section_saved', 'prfaq.updated', 'prfaq.round_started', 'prfaq.commented', 'prfaq.comment_resolved', 'prfaq.status_changed']));
  });
  it('lists every PR/FAQ route in the OpenAPI document', async () => {
    const doc = await call(t.app, null, 'GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths).filter((p) => p.startsWith('/api/v1/prfaqs'));
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/prfaqs', '/api/v1/prfaqs/{number}', '/api/v1/prfaqs/{number}/sections/{section}', '/api/v1/prfaqs/{number}/versions/{version}',
      '/api/v1/prfaqs/{number}/compare', '/api/v1/prfaqs/{number}/rounds/{round}/comments', '/api/v1/prfaqs/{number}/decisions/{id}/no',
      '/api/v1/prfaqs/decisions', '/api/v1/prfaqs/portfolio', '/api/v1/prfaqs/settings', '/api/v1/prfaqs/{number}/mockups',
    ]));
  });
});
