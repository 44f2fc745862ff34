import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { call, createTestApp, dialects, signUp, type Caller, type TestApp } from './harness';
import { detectMediaType } from '../src/platform/attachments/index';

// Signatures from the format specifications: PNG (RFC 2083 §3.1), JPEG (SOI marker FF D8 FF),
// GIF ("GIF89a", GIF89a spec §17), WebP ("RIFF" size "WEBP", RIFF container spec).
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-and-the-rest')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF')]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('media types come from the bytes', () => {
  it('recognises each kept image kind whatever image type was declared', () => {
    expect(detectMediaType(PNG, 'image/jpeg')).toBe('image/png');
    expect(detectMediaType(JPEG, 'image/png')).toBe('image/jpeg');
    expect(detectMediaType(GIF, 'image/gif')).toBe('image/gif');
    expect(detectMediaType(WEBP, 'image/webp; charset=binary')).toBe('image/webp');
    expect(detectMediaType(Buffer.from('time,value\n'), 'text/csv; charset=utf-8')).toBe('text/csv');
  });

  it('refuses SVG, HTML, binary posing as CSV, and undeclared types', () => {
    expect(() => detectMediaType(SVG, 'image/svg+xml')).toThrow(/not a PNG, JPEG, GIF or WebP/);
    expect(() => detectMediaType(SVG, 'image/png')).toThrow(/not a PNG/);
    expect(() => detectMediaType(Buffer.from('<html><script></script></html>'), 'text/csv')).toThrow(/markup/);
    expect(() => detectMediaType(PNG, 'text/csv')).toThrow(/not UTF-8 text/);
    expect(() => detectMediaType(PNG, 'application/octet-stream')).toThrow(/is not kept/);
  });
});

describe.each(dialects)('attachments on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  let outsider: Caller;
  let coe: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    owner = await signUp(t.app, 'olga');
    outsider = await signUp(t.app, 'rhea');
    await call(t.app, owner, 'POST', '/api/v1/teams', { name: 'payments' });
    coe = (await call(t.app, owner, 'POST', '/api/v1/coes', { title: 'Card payments failing', team: 'payments' })).body.number;
  });
  afterAll(() => t.close());

  const upload = (caller: Caller, body: Buffer, type: string, filename = 'graph.png') =>
    call(t.app, caller, 'POST', `/api/v1/coes/${coe}/attachments?filename=${encodeURIComponent(filename)}`, body, { 'content-type': type });

  it('keeps an image in the database and serves it with its checked type, inert', async () => {
    const res = await upload(owner, PNG, 'image/jpeg', 'error rate ü.png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ filename: 'error rate ü.png', mediaType: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex'), createdBy: 'olga' });
    const stored = await t.database.db.selectFrom('attachments').select(['owner_kind', 'content']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(stored.owner_kind).toBe('coe');
    expect(Buffer.from(stored.content).equals(PNG)).toBe(true);

    const served = await t.app.inject({ method: 'GET', url: res.body.url, headers: outsider.headers });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['content-disposition']).toBe(`inline; filename="error rate _.png"; filename*=UTF-8''error%20rate%20%C3%BC.png`);
    expect(served.rawPayload.equals(PNG)).toBe(true);

    const detail = await call(t.app, owner, 'GET', `/api/v1/coes/${coe}`);
    expect(detail.body.attachments.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'attachment.created').execute();
    expect(audit).toHaveLength(1);
  });

  it('serves a CSV as a download, never inline', async () => {
    const res = await upload(owner, Buffer.from('time,errors\n2026-11-20T10:00:00Z,1\n'), 'text/csv', 'errors.csv');
    expect(res.body.mediaType).toBe('text/csv');
    const served = await t.app.inject({ method: 'GET', url: res.body.url, headers: owner.headers });
    expect(served.headers['content-type']).toContain('text/csv');
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="errors.csv"/);
  });

  it('refuses SVG, HTML, JSON bodies, empty and oversized files, bad names and outsiders, storing nothing', async () => {
    const count = async () => (await t.database.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    expect((await upload(owner, SVG, 'image/svg+xml')).status).toBe(415);
    expect((await upload(owner, Buffer.from('<html></html>'), 'text/html')).status).toBe(415);
    expect((await call(t.app, owner, 'POST', `/api/v1/coes/${coe}/attachments?filename=x.json`, { a: 1 })).status).toBe(415);
    const empty = await upload(owner, Buffer.alloc(0), 'image/png');
    expect([400, 415]).toContain(empty.status);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(owner, big, 'image/png');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('BODY_TOO_LARGE');
    const slash = await upload(owner, PNG, 'image/png', '../etc/passwd');
    expect(slash.status).toBe(400);
    expect(slash.body.errors[0].path).toBe('querystring.filename');
    expect((await upload(outsider, PNG, 'image/png')).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('keeps image and CSV parsers to the upload routes', async () => {
    const res = await call(t.app, owner, 'POST', '/api/v1/coes', PNG, { 'content-type': 'image/png' });
    expect(res.status).toBe(415);
  });

  it('answers 404 for an unknown attachment and lets the team remove one', async () => {
    expect((await call(t.app, owner, 'GET', '/api/v1/attachments/nope')).body.code).toBe('ATTACHMENT_NOT_FOUND');
    const res = await upload(owner, GIF, 'image/gif', 'a.gif');
    expect((await call(t.app, outsider, 'DELETE', `/api/v1/coes/${coe}/attachments/${res.body.id}`)).status).toBe(403);
    expect((await call(t.app, owner, 'DELETE', `/api/v1/coes/${coe}/attachments/${res.body.id}`)).status).toBe(204);
    expect((await call(t.app, owner, 'GET', res.body.url)).status).toBe(404);
  });
});
