import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRFAQ_LINT_MAX_CHARACTERS } from '@dayone/contracts';
import { adminCaller, call, createTestApp, type TestApp } from './harness';

// The coach reads no database, so one dialect covers it.
describe('the writing coach over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  const lint = (body: unknown) => call(t.app, adminCaller, 'POST', '/api/v1/prfaqs/lint', body);

  it('answers findings whose offsets quote the passage in its section', async () => {
    const doc = {
      customer: 'platform engineers',
      pressRelease: { summary: 'Day One lets platform engineers stop deploys significantly faster.', problem: 'Deploys were stopped by hand.' },
      externalFaq: [{ question: 'Is it free?', answer: 'Yes.' }, { question: 'What is the SLA?', answer: 'A service level agreement (SLA) of 99.9%.' }],
    };
    const res = await lint(doc);
    expect(res.status).toBe(200);
    const texts: Record<string, string> = {
      'pressRelease.summary': doc.pressRelease.summary,
      'pressRelease.problem': doc.pressRelease.problem,
      'externalFaq[1].question': doc.externalFaq[1].question,
    };
    const passages = res.body.findings
      .filter((f: { section: string; start: number; end: number }) => f.end > f.start)
      .map((f: { rule: string; section: string; start: number; end: number }) => [f.rule, f.section, texts[f.section].slice(f.start, f.end)]);
    expect(passages).toEqual([
      ['needs-data', 'pressRelease.summary', 'significantly'],
      ['customer-not-in-problem', 'pressRelease.problem', 'Deploys were stopped by hand.'],
      ['passive-voice', 'pressRelease.problem', 'were stopped'],
      ['undefined-acronym', 'externalFaq[1].question', 'SLA'],
    ]);
    const missing = res.body.findings.filter((f: { rule: string }) => f.rule === 'missing-part').map((f: { section: string }) => f.section);
    expect(missing).toEqual(['pressRelease.heading', 'pressRelease.subheading', 'pressRelease.solution', 'pressRelease.leaderQuote', 'pressRelease.gettingStarted', 'pressRelease.customerQuote', 'pressRelease.callToAction']);
    expect(res.body.categories.map((c: { name: string }) => c.name)).toEqual(['structure', 'customer', 'readability', 'words', 'sentences', 'passive', 'length', 'acronyms']);
    expect(res.body.categories.reduce((n: number, c: { score: number }) => n + c.score, 0)).toBe(res.body.score);
    expect(res.body.categories.reduce((n: number, c: { max: number }) => n + c.max, 0)).toBe(100);
    for (const f of res.body.findings) expect(f.message.length).toBeGreaterThan(20);
  });

  it('coaches an empty draft: every part missing, score 0', async () => {
    const res = await lint({});
    expect(res.status).toBe(200);
    expect(res.body.score).toBe(0);
    expect(res.body.findings.filter((f: { rule: string }) => f.rule === 'missing-part')).toHaveLength(9);
    expect(res.body.metrics).toEqual({ pressReleaseWords: 0, documentWords: 0, pages: 0, readingEase: null, gradeLevel: null });
  });

  it('names an unknown field, at the top or inside a part', async () => {
    const top = await lint({ title: 'Day One' });
    expect(top.status).toBe(400);
    expect(top.body.errors).toEqual([{ path: 'body.title', message: 'is not a known field' }]);
    const inner = await lint({ pressRelease: { heading: 'Day One', city: 'Seattle' } });
    expect(inner.status).toBe(400);
    expect(inner.body.errors).toEqual([{ path: 'body.pressRelease.city', message: 'is not a known field' }]);
    const faq = await lint({ internalFaq: [{ question: 'Why?', answer: 'Because.', topic: 'risks' }] });
    expect(faq.status).toBe(400);
    expect(faq.body.errors[0].path).toBe('body.internalFaq.0.topic');
  });

  it('refuses wrong types and documents past what the coach reads at once', async () => {
    const wrong = await lint({ pressRelease: { summary: 42 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('body.pressRelease.summary');
    const faq = Array.from({ length: 6 }, () => ({ question: 'Why?', answer: 'x'.repeat(20_000) }));
    const big = await lint({ externalFaq: faq });
    expect(big.status).toBe(400);
    expect(big.body.detail).toContain(`up to ${PRFAQ_LINT_MAX_CHARACTERS} characters`);
  });

  it('answers only a signed-in caller, and is in the OpenAPI document', async () => {
    const anonymous = await call(t.app, null, 'POST', '/api/v1/prfaqs/lint', {});
    expect(anonymous.status).toBe(401);
    const spec = await call(t.app, null, 'GET', '/api/openapi.json');
    expect(Object.keys(spec.body.paths['/api/v1/prfaqs/lint'])).toEqual(['post']);
  });
});
