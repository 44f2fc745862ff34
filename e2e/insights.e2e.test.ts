import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { apiCall, registerComponent } from './support/api';
import { desktopViewport } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

describe('the innovation dashboard in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
  });
  afterAll(() => closeBrowserSuite({ server, browser }));

  it('shows the four scores with their formulas, and a figure leads to the documents behind it', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Lynn Conway', name: 'lynn', email: 'lynn@example.com', password: 'very-large-scale-1979' });
    await createTeamInUi(page, 'payments');
    expect((await registerComponent(page, 'checkout', 'payments')).status).toBe(201);
    expect((await apiCall(page, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Refunds fail', severity: 3 })).status).toBe(201);

    await page.getByRole('link', { name: 'Insights', exact: true }).click();
    for (const title of ['Mechanisms', 'Architecture', 'Organisation', 'Culture and experimentation']) {
      await page.getByRole('region', { name: title }).waitFor();
    }
    // One team without a leader of one: organisation 0; one pull, unresolved: mechanisms 0; one healthy service: 100.
    await expect(page.getByRole('region', { name: 'Organisation' }).getByLabel('Organisation score').textContent()).resolves.toBe('0');
    await expect(page.getByRole('region', { name: 'Architecture' }).getByLabel('Architecture score').textContent()).resolves.toBe('100');
    await expect(page.getByRole('region', { name: 'Mechanisms' }).getByLabel('Mechanisms score').textContent()).resolves.toBe('0');
    await page.getByRole('region', { name: 'Culture and experimentation' }).getByText('no data', { exact: true }).first().waitFor();
    await page.getByText('The share of teams that are two-pizza fit', { exact: false }).waitFor();

    await page.getByRole('region', { name: 'Mechanisms' }).getByRole('link', { name: 'Andon pulls', exact: true }).click();
    await page.getByRole('heading', { name: 'Andon board' }).waitFor();
  });
});
