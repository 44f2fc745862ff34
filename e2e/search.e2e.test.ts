import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { apiCall } from './support/api';
import { desktopViewport } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

const lesson = 'Feature flags for the ledger migration must default to off in every region.';

describe('search in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let coeNumber: number;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
  });
  afterAll(() => closeBrowserSuite({ server, browser }));

  it('finds a lesson written in a COE from the header search box, with the words marked', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Frances Allen', name: 'frances', email: 'frances@example.com', password: 'optimising-compilers-1966' });
    await createTeamInUi(page, 'ledger');
    const coe = await apiCall(page, 'POST', '/api/v1/coes', { title: 'Ledger entries written twice', team: 'ledger' });
    expect(coe.status).toBe(201);
    coeNumber = (coe.body as { number: number }).number;
    expect((await apiCall(page, 'PUT', `/api/v1/coes/${coeNumber}/sections/lessons`, { content: lesson }, 1)).status).toBe(200);

    const box = page.getByRole('search').getByRole('textbox', { name: 'Search everything' });
    await box.fill('flags migrat');
    await box.press('Enter');
    await page.getByRole('heading', { name: 'Search' }).waitFor();
    const result = page.getByRole('listitem', { name: `COE #${coeNumber}: Ledger entries written twice` });
    await result.waitFor();
    expect(await result.locator('mark').allTextContents()).toEqual(['flags', 'migrat']);
    expect(await page.getByRole('listitem').count()).toBe(1);

    await result.getByRole('link').click();
    await page.waitForURL(`${server.url}/coes/${coeNumber}`);
  });

  it('narrows by type and says plainly when nothing matches', async () => {
    await page.goto(`${server.url}/search?q=ledger`);
    await page.getByRole('listitem', { name: `COE #${coeNumber}: Ledger entries written twice` }).waitFor();
    await page.getByRole('listitem', { name: 'ledger', exact: true }).waitFor();
    await page.getByText('Team', { exact: true }).first().click();
    await expect.poll(() => page.getByRole('listitem').count()).toBe(1);
    await page.getByRole('listitem', { name: 'ledger', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('type')).toBe('team');

    await page.goto(`${server.url}/search?q=${encodeURIComponent('"quasar" OR (')}`);
    await page.getByText('Nothing matches “"quasar" OR (”.').waitFor();
  });
});
