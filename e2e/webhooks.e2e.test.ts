import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { apiCall, registerComponent } from './support/api';
import { desktopViewport, pick } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

type Received = { headers: Record<string, string | string[] | undefined>; body: { type: string; data: unknown } };

describe('webhooks in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** A receiver on loopback standing in for the team's chat bridge. */
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
    receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(text) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/dayone`;
  });

  afterAll(async () => {
    await closeBrowserSuite({ server, browser });
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('registers a team webhook and shows its secret once', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Grace Hopper', name: 'grace', email: 'grace@example.com', password: 'nanoseconds-1906' });
    await createTeamInUi(page, 'payments');
    expect((await registerComponent(page, 'checkout', 'payments')).status).toBe(201);

    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    const form = page.getByRole('form', { name: 'Register a webhook' });

    // A bad URL is refused with the field named, and nothing is registered.
    await form.getByLabel('URL').fill('ftp://example.com/hook');
    await pick(page, form.getByRole('combobox', { name: 'Team' }), 'pay', 'payments');
    await form.getByRole('button', { name: 'Register webhook' }).click();
    await form.getByText('must be an http or https URL').first().waitFor();

    await form.getByLabel('URL').fill(receiverUrl);
    await form.getByRole('button', { name: 'Register webhook' }).click();
    await page.getByText('Copy the signing secret now: it will not be shown again.').waitFor();
    const secret = await page.locator('code', { hasText: 'whsec_' }).textContent();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('table', { name: 'Webhooks' }).getByRole('link', { name: receiverUrl }).waitFor();
  });

  it('delivers an andon pull and shows the delivery in the log', async () => {
    const pull = await apiCall(page, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Refunds fail since the 09:00 deploy.', severity: 3 });
    expect(pull.status).toBe(201);

    await page.getByRole('table', { name: 'Webhooks' }).getByRole('link', { name: receiverUrl }).click();
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    // The log refreshes by itself; the worker sends in the background.
    await deliveries.getByRole('row', { name: /andon\.pulled\s+delivered/ }).waitFor({ timeout: 30_000 });
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toMatchObject({ type: 'andon.pulled', data: { pull: { reason: 'Refunds fail since the 09:00 deploy.' } } });
    expect(received[0]!.headers['x-dayone-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('switches the webhook off and removes it', async () => {
    await page.getByRole('switch', { name: 'Active: send new notices' }).click();
    await expect.poll(async () => page.getByRole('switch', { name: 'Active: send new notices' }).isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Delete webhook' }).click();
    await page.getByRole('dialog', { name: 'Delete this webhook?' }).getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByText('No webhooks yet for your teams.').waitFor();
    const left = await apiCall(page, 'GET', '/api/v1/webhooks');
    expect(left.body).toMatchObject({ items: [] });
  });
});
