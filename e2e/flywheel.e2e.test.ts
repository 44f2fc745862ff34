import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

const LOOP = [
  { key: 'customer-experience', name: 'Customer experience', unit: 'score', kind: 'output', next: 'traffic' },
  { key: 'traffic', name: 'Traffic', unit: 'visits', kind: 'output', next: 'sellers' },
  { key: 'sellers', name: 'Sellers', unit: 'sellers', kind: 'input', next: 'selection' },
  { key: 'selection', name: 'Selection', unit: 'items', kind: 'input', next: 'customer-experience' },
];

// Line 4 names a Wednesday, so the file is refused as a whole unless the good rows are asked for.
const csv = ['metric,week,value', 'traffic,2026-11-09,100', 'traffic,2026-11-16,110', 'sellers,2026-11-18,12', 'traffic,2025-11-17,88', 'selection,2026-11-16,0', 'selection,2026-11-09,40'].join('\n');

describe('the team flywheel in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite());
  });
  afterAll(() => closeBrowserSuite({ server, browser }));

  const upload = async () => {
    await page.locator('input[type=file]').setInputFiles({ name: 'weeks.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
  };

  it('defines a four-metric loop from the team page', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Jeff Wilke', name: 'jeff', email: 'jeff@example.com', password: 'customer-obsession' });
    await createTeamInUi(page, 'marketplace');
    await page.getByRole('link', { name: 'Flywheel and weekly review' }).click();
    await page.getByText('This team has not defined its flywheel yet.').waitFor();
    await page.getByRole('button', { name: 'Add a metric' }).click();
    for (const [i, m] of LOOP.entries()) {
      await page.getByLabel(`Key of metric ${i + 1}`, { exact: true }).fill(m.key);
      await page.getByLabel(`Name of metric ${i + 1}`, { exact: true }).fill(m.name);
      await page.getByLabel(`Unit of metric ${i + 1}`, { exact: true }).fill(m.unit);
      await page.getByLabel(`Kind of metric ${i + 1}`, { exact: true }).selectOption(m.kind);
    }
    for (const [i, m] of LOOP.entries()) await page.getByLabel(`Metric ${i + 1} drives`, { exact: true }).selectOption(m.next);
    await page.getByRole('button', { name: 'Save flywheel' }).click();
    await page.getByRole('img', { name: 'Flywheel: customer-experience → traffic → sellers → selection → customer-experience' }).waitFor();
    await expect(page.locator('[data-metric-card]').count()).resolves.toBe(4);
    await page.locator('[data-metric-card="traffic"]').getByText('no value yet').waitFor();
  });

  it('refuses a CSV with a bad row by its line and imports nothing; with the good rows asked for, imports them', async () => {
    await page.getByRole('tab', { name: 'Enter values' }).click();
    await upload();
    const refused = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await refused.getByText('line 4 (week): 2026-11-18 is a Wednesday; weeks start on Monday (2026-11-16)').waitFor();
    await page.getByRole('tab', { name: 'Loop' }).click();
    await page.locator('[data-metric-card="traffic"]').getByText('no value yet').waitFor();

    await page.getByRole('tab', { name: 'Enter values' }).click();
    await page.getByLabel('Import the good rows and report the bad ones').check();
    await upload();
    await page.getByText('Imported 5 value(s): 5 new, 0 replaced, 0 unchanged.').waitFor();
    await page.getByText('Line 4 (week): 2026-11-18 is a Wednesday; weeks start on Monday (2026-11-16)').waitFor();

    // A value typed in by hand for the same week.
    await page.getByLabel('Week (its Monday)').fill('2026-11-16');
    await page.getByLabel('Sellers (sellers)').fill('12');
    await page.getByRole('button', { name: 'Record values' }).click();
    await page.getByText('Imported 1 value(s): 1 new, 0 replaced, 0 unchanged.').waitFor();
  });

  it('draws the loop with each latest value and trend', async () => {
    await page.getByRole('tab', { name: 'Loop' }).click();
    const traffic = page.locator('[data-metric-card="traffic"]');
    await traffic.getByText('110 visits').waitFor();
    await traffic.getByText('week of 2026-11-16', { exact: false }).waitFor();
    await traffic.getByRole('figure', { name: 'Trend of Traffic: 2 of 13 weeks' }).locator('.recharts-line').waitFor();
    await page.locator('[data-metric-card="sellers"]').getByText('12 sellers').waitFor();
    await expect(page.locator('g[data-metric="traffic"]').getAttribute('aria-label')).resolves.toBe('Traffic: 110 visits');
    await expect(page.locator('g[data-metric="customer-experience"]').getAttribute('aria-label')).resolves.toBe('Customer experience: no value yet');
  });

  it('shows the weekly review with the same changes the server computed', async () => {
    await page.getByRole('tab', { name: 'Weekly review' }).click();
    const table = page.getByRole('table', { name: 'Weekly review for the week of 2026-11-16' });
    await table.waitFor();
    const lastCell = (metric: string, row: string) => table.locator(`tr[data-metric="${metric}"][data-row="${row}"] td`).last();
    // traffic: 110 against 100 the week before (+10.0%) and 88 a year earlier (+25.0%).
    await expect(lastCell('traffic', 'This year').textContent()).resolves.toBe('110');
    await expect(lastCell('traffic', 'Week over week').textContent()).resolves.toBe('+10.0%');
    await expect(lastCell('traffic', 'A year earlier').textContent()).resolves.toBe('88');
    await expect(lastCell('traffic', 'Year over year').textContent()).resolves.toBe('+25.0%');
    // selection: 0 against 40 (−100.0%); no value a year earlier: n/a.
    await expect(lastCell('selection', 'Week over week').textContent()).resolves.toBe('-100.0%');
    await expect(lastCell('selection', 'Year over year').textContent()).resolves.toBe('n/a');
    // sellers has no value the week before: n/a.
    await expect(lastCell('sellers', 'Week over week').textContent()).resolves.toBe('n/a');
    const api = await page.evaluate(async () => (await fetch('/api/v1/teams/marketplace/flywheel/review?week=2026-11-16')).json());
    const trafficWeek = api.metrics.find((m: { key: string }) => m.key === 'traffic').weeks[5];
    expect([trafficWeek.weekOverWeek, trafficWeek.yearOverYear]).toEqual([10, 25]);
  });
});
