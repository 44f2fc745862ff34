import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopViewport, launchBrowser, openPage } from './support/browser';
import { startTestServer, type TestServer } from './support/test-server';
import { fillRoute, routeParams, webRoutePatterns } from './support/web-routes';
import { corpusPieces, xssCorpus } from './support/xss-corpus';
import { firstAccountApi, seedCorpus, type Api, type Seeded } from './support/xss-seed';

// The corpus goes through the API into every text field the web app renders; then every page of the app is
// visited in Chromium with a trap for anything a payload runs. The pages are visited with the Content
// Security Policy switched off (bypassCSP), so what is proved is the app's own escaping; the last test shows
// that the policy, switched on, would stop an inline script on its own as well.

/** What the DOM must never hold, whatever was typed: event-handler attributes, script or vbscript URLs,
 *  HTML data URLs, inline scripts, frames and plugins. Runs inside the page. */
function domFindings(): string[] {
  const found: string[] = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'srcset'];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // Browsers ignore control characters and whitespace inside a scheme ("jav\tascript:").
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`<${el.tagName.toLowerCase()} ${name}>`);
      if (urlAttributes.includes(name) && /^(javascript|vbscript):|^data:text\/html/.test(value)) found.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`);
    }
  }
  for (const el of Array.from(document.querySelectorAll('script:not([src]), iframe, frame, object, embed, base, meta[http-equiv]'))) found.push(`<${el.tagName.toLowerCase()}> element`);
  return found;
}

describe('cross-site scripting payloads in every text field', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Api;
  let seeded: Seeded;
  /** Every payload that ran, and every dialog that opened, with the page it happened on. */
  const ran: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const account = await firstAccountApi(server.url, 'ada', corpusPieces(200)[0]);
    api = account.api;
    context = await browser.newContext({ viewport: desktopViewport, bypassCSP: true });
    await context.addCookies([{ name: 'dayone_session', value: account.cookie, url: server.url }]);
    // The trap: a payload that runs sets window.__xss (or calls alert/confirm/prompt).
    await context.exposeBinding('__xssReport', ({ frame }, value: string) => void ran.push(`${frame.url()}: ${value}`));
    await context.addInitScript(() => {
      Object.defineProperty(window, '__xss', {
        configurable: false,
        get: () => undefined,
        set: (value: unknown) => void (window as unknown as { __xssReport(v: string): void }).__xssReport(String(value)),
      });
    });
    context.on('page', (p) => p.on('dialog', (d) => void (ran.push(`${p.url()}: ${d.type()} "${d.message()}"`), d.dismiss())));
    page = await openPage(context);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('the trap catches a payload that runs, and a dialog', async () => {
    await page.goto(`${server.url}/teams`);
    await page.getByRole('heading', { name: 'Teams' }).waitFor();
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.innerHTML = `<img src="data:," onerror="window.__xss='control'">`;
      document.body.append(div);
    });
    await expect.poll(() => ran.length).toBe(1);
    await page.evaluate(() => alert('control dialog'));
    expect(ran).toEqual([expect.stringContaining(': control'), expect.stringContaining('alert "control dialog"')]);
    ran.length = 0;
  });

  it('puts the corpus into teams, people, the catalog, andon pulls, COEs, experiments, webhooks, tokens and PR/FAQs', async () => {
    seeded = await seedCorpus(server.url, api, 'ada');
    expect(seeded.teams.length).toBe(corpusPieces(200).length);
    // A javascript: link is refused where people enter links: in the catalog and on action items.
    expect(seeded.refused.filter((r) => r.endsWith('400 VALIDATION_FAILED'))).toHaveLength(2 * seeded.teams.length);
    expect(xssCorpus.length).toBeGreaterThan(25);
  });

  /** The addresses of a route's pages: itself, or one per seeded object for routes with parameters. */
  async function urlsFor(pattern: string): Promise<string[]> {
    const params = routeParams(pattern);
    if (params.length === 0) return pattern === '/search' ? [pattern, '/search?q=script'] : [pattern];
    const byName: Record<string, () => string[]> = {
      '/teams/:name': () => seeded.teams,
      '/people/:name': () => seeded.people,
      '/andon/pulls/:id': () => seeded.pulls,
      '/experiments/:key': () => seeded.experiments,
      '/coes/:number': () => seeded.coes.map(String),
      '/coes/:number/print': () => seeded.coes.map(String),
      '/webhooks/:id': () => seeded.webhooks,
    };
    if (pattern === '/catalog/:kind/:namespace/:name') return seeded.services.map((name) => fillRoute(pattern, { kind: 'component', namespace: 'default', name }));
    if (byName[pattern]) return byName[pattern]().map((v) => fillRoute(pattern, { [params[0]]: v }));
    return listedValues(pattern, params);
  }

  // Every page of the web app's route table, each with every seeded object it can show.
  it.each(webRoutePatterns())('%s runs none of it, and its DOM holds no script URL, handler attribute or frame', async (pattern) => {
    const urls = await urlsFor(pattern);
    // A page this test cannot fill in fails here, so that it is not left out silently.
    expect(urls.length).toBeGreaterThan(0);
    const findings: string[] = [];
    for (const url of urls) {
      await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => !document.querySelector('[aria-label="Loading"], .mantine-Loader-root'));
      for (const f of await page.evaluate(domFindings)) findings.push(`${url}: ${f}`);
    }
    expect(ran).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('the Content Security Policy stops an inline script and an inline handler injected into the page', async () => {
    const strict = await browser.newContext({ viewport: desktopViewport });
    const strictPage = await openPage(strict);
    const response = await strictPage.goto(`${server.url}/signin`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const injectInline = async () => {
      const w = window as unknown as { __inline?: string; __handler?: string; __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = "window.__inline = 'ran'";
      document.body.append(script);
      const img = document.createElement('img');
      // The attribute first, so that its handler (if allowed) runs before the listener that ends the wait.
      img.setAttribute('onerror', "window.__handler = 'ran'");
      const failed = new Promise((resolve) => img.addEventListener('error', resolve));
      img.src = 'data:,';
      document.body.append(img);
      await failed;
      return { inline: w.__inline ?? null, handler: w.__handler ?? null };
    };
    const blocked = await strictPage.evaluate(injectInline);
    expect(blocked.inline).toBeNull();
    expect(blocked.handler).toBeNull();
    // The browser reports both refusals against the policy's script-src.
    const violations = () => strictPage.evaluate(() => (window as unknown as { __violations: string[] }).__violations.slice().sort());
    await expect.poll(violations).toEqual(['script-src-attr', 'script-src-elem']);
    await strict.close();
    // The same injection with the policy switched off runs: the policy, not the injection, stopped it.
    const open = await openPage(context);
    await open.goto(`${server.url}/signin`);
    expect(await open.evaluate(injectInline)).toMatchObject({ inline: 'ran', handler: 'ran' });
    await open.close();
  });

  /** For a page of a kind this test does not seed by name: the items the API lists under the same path. */
  async function listedValues(pattern: string, params: string[]): Promise<string[]> {
    const collection = pattern.slice(0, pattern.indexOf('/:'));
    const res = await api('GET', `/api/v1${collection}`);
    const items: Record<string, unknown>[] = Array.isArray(res.body?.items) ? res.body.items : [];
    return items.slice(0, 20).flatMap((item) => {
      const filled: Record<string, string> = {};
      for (const p of params) {
        const v = item[p] ?? item.id ?? item.key ?? item.number ?? item.name;
        if (v === undefined || v === null) return [];
        filled[p] = String(v);
      }
      return [fillRoute(pattern, filled)];
    });
  }
});
