import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInColleague } from './support/accounts';
import { apiCall } from './support/api';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';
import { firstAccountApi, type Api } from './support/xss-seed';

const servicePath = '/catalog/component/default/checkout';

describe('watching and notification choices in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  /** The payments team's lead, working through the API. */
  let owner: Api;
  /** A colleague outside the payments team, in a browser of their own. */
  let colleague: BrowserContext;
  let page: Page;
  let pullId: string;

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite());
    ({ api: owner } = await firstAccountApi(server.url, 'taiichi', 'Taiichi Ohno'));
    ({ context: colleague, page } = await signInColleague(browser, server.url, 'shigeo', 'Shigeo Shingo'));
  });

  afterAll(async () => {
    await colleague?.close();
    await closeBrowserSuite({ server, browser });
  });

  const watchButton = () => page.getByRole('button', { name: /^Watch(ing)?$/ });
  /** Flips a switch from the keyboard: in a table cell it has no visible label to click, and its thumb covers its middle. */
  const toggle = (name: string) => page.getByRole('switch', { name }).press('Space');

  it('creates the payments team and its checkout service through the API', async () => {
    expect((await owner('POST', '/api/v1/teams', { name: 'payments' })).status).toBe(201);
    const service = await owner('POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service' });
    expect(service.status).toBe(201);
  });

  it('watches the service from its page', async () => {
    await page.goto(`${server.url}${servicePath}`);
    await page.getByRole('heading', { name: 'checkout' }).waitFor();
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await page.getByRole('button', { name: 'Watching', exact: true }).waitFor();
    await expect(watchButton().getAttribute('aria-pressed')).resolves.toBe('true');

    // It stays watched when the page is opened again.
    await page.reload();
    await page.getByRole('button', { name: 'Watching', exact: true }).waitFor();
  });

  it('gets the pull on the watched service in the inbox, with a link to the pull', async () => {
    const pull = await owner('POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Card payments fail after the 14:00 deploy.', severity: 2 });
    expect(pull.status).toBe(201);
    pullId = pull.body.id;

    await page.goto(`${server.url}/inbox`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const notice = page.getByRole('listitem', { name: /pulled the andon cord on service checkout/ });
    await notice.getByText('Severity 2: Card payments fail after the 14:00 deploy.').waitFor();
    const link = notice.getByRole('link', { name: /pulled the andon cord on service checkout/ });
    await expect(link.getAttribute('href')).resolves.toBe(`/andon/pulls/${pullId}`);
    await link.click();
    await page.getByRole('heading', { name: 'Pull #1: checkout' }).waitFor();
  });

  it('turns a kind off for the inbox, and the choice holds after a reload', async () => {
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('link', { name: 'Notification choices' }).click();
    await page.getByRole('heading', { name: 'Notification choices' }).waitFor();
    const resolvedInbox = page.getByRole('switch', { name: 'andon.resolved: inbox' });
    await expect(resolvedInbox.isChecked()).resolves.toBe(true);
    await toggle('andon.resolved: inbox');
    await page.waitForFunction(() => !document.querySelector<HTMLInputElement>('input[aria-label="andon.resolved: inbox"]')?.checked);
    await expect(resolvedInbox.isEnabled()).resolves.toBe(true);

    await page.reload();
    await page.getByRole('heading', { name: 'Kinds of notice' }).waitFor();
    await expect(page.getByRole('switch', { name: 'andon.resolved: inbox' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('switch', { name: 'andon.pulled: inbox' }).isChecked()).resolves.toBe(true);
  });

  it('asks for a URL before sending anything to the webhook', async () => {
    await toggle('andon.acknowledged: webhook');
    const form = page.getByRole('form', { name: 'Personal webhook' });
    await form.getByText('is needed while any kind is sent to the webhook', { exact: false }).waitFor();
    await expect(form.getByLabel('Webhook URL').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('switch', { name: 'andon.acknowledged: webhook' }).isChecked()).resolves.toBe(false);
  });

  it('sets a personal webhook and shows its signing secret once', async () => {
    const form = page.getByRole('form', { name: 'Personal webhook' });
    await form.getByLabel('Webhook URL').fill('http://127.0.0.1:9/hook');
    await form.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByText('Copy the signing secret now: it will not be shown again.').waitFor();
    const secret = await page.locator('code', { hasText: 'whsec_' }).textContent();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Copy signing secret' }).waitFor();

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect(page.locator('code', { hasText: 'whsec_' }).count()).resolves.toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Kinds of notice' }).waitFor();
    await expect(page.getByLabel('Webhook URL').inputValue()).resolves.toBe('http://127.0.0.1:9/hook');
    await expect(page.getByText('Copy the signing secret now').count()).resolves.toBe(0);
  });

  it('sends a chosen kind to the webhook and leaves a kind switched off out of the inbox', async () => {
    const acknowledged = page.getByRole('switch', { name: 'andon.acknowledged: webhook' });
    await toggle('andon.acknowledged: webhook');
    await page.waitForFunction(() => !!document.querySelector<HTMLInputElement>('input[aria-label="andon.acknowledged: webhook"]')?.checked);
    await expect(acknowledged.isEnabled()).resolves.toBe(true);

    expect((await owner('POST', `/api/v1/andon/pulls/${pullId}/acknowledge`, {})).status).toBe(200);
    expect((await owner('POST', `/api/v1/andon/pulls/${pullId}/resolve`, { note: 'Rolled back the 14:00 deploy.' })).status).toBe(200);

    // Nothing answers on port 9, so the delivery waits to be tried again; it is in the log all the same.
    await page.reload();
    const deliveries = page.getByRole('table', { name: 'Deliveries to my webhook' });
    await deliveries.getByRole('cell', { name: 'andon.acknowledged' }).waitFor();

    const inbox = await apiCall(page, 'GET', '/api/v1/notifications');
    const kinds = (inbox.body as { items: { kind: string }[] }).items.map((n) => n.kind);
    expect(kinds).toContain('andon.pulled');
    expect(kinds).toContain('andon.acknowledged');
    expect(kinds).not.toContain('andon.resolved');
  });

  it('stops watching from the list of what it watches', async () => {
    const watched = page.getByRole('table', { name: 'What I watch' });
    await expect(watched.getByRole('link', { name: 'checkout' }).getAttribute('href')).resolves.toBe(servicePath);
    await watched.getByRole('cell', { name: 'Service' }).waitFor();
    await page.getByRole('button', { name: 'Unwatch checkout' }).click();
    await page.getByText('You watch nothing yet.').waitFor();

    await page.goto(`${server.url}${servicePath}`);
    await page.getByRole('button', { name: 'Watch', exact: true }).waitFor();
    await expect(watchButton().getAttribute('aria-pressed')).resolves.toBe('false');
  });
});
