import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { desktopViewport, pick } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

const lesson = 'One-click checkout lifts purchases without more refunds; customers did not miss the review step.';

describe('experiments in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
  });

  afterAll(() => closeBrowserSuite({ server, browser }));

  it('creates the first account and the growth team', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Ronny Kohavi', name: 'ronny', email: 'ronny@example.com', password: 'trustworthy-experiments' });
    await createTeamInUi(page, 'growth');
  });

  it('creates an experiment with variants and metrics, after fixing weights that do not add up', async () => {
    await page.getByRole('link', { name: 'Experiments', exact: true }).click();
    await page.getByRole('heading', { name: 'Experiments' }).waitFor();
    await page.getByText('No experiments yet.').waitFor();
    await page.getByRole('link', { name: 'Create experiment' }).click();

    await page.getByRole('textbox', { name: 'Key', exact: true }).fill('one-click-checkout');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('One-click checkout');
    await page.getByLabel('Hypothesis').fill('We believe a one-click checkout will raise purchases by returning customers; we will know when the purchase rate moves.');
    await pick(page, page.getByRole('combobox', { name: 'Team' }), 'gro', 'growth');
    await page.getByLabel('Variant 2 weight (%)').fill('40');
    await page.getByLabel('Metric 1 key').fill('purchase');
    await page.getByRole('combobox', { name: 'Metric 1 aggregation' }).click();
    await page.getByRole('option', { name: 'Whether the user had any (0 or 1)' }).click();
    await page.getByLabel('Metric 1: CUPED').check();
    await page.getByRole('button', { name: 'Add metric' }).click();
    await page.getByLabel('Metric 2 key').fill('refund');
    await page.getByRole('combobox', { name: 'Metric 2 role' }).click();
    await page.getByRole('option', { name: 'Guardrail' }).click();
    await page.getByLabel('Metric 2: higher is better').uncheck();

    await page.getByRole('button', { name: 'Create experiment' }).click();
    await page.getByText('The weights must add up to 100 % (they add up to 90 %)').waitFor();
    await page.getByLabel('Variant 2 weight (%)').fill('50');
    await page.getByRole('button', { name: 'Create experiment' }).click();

    await page.getByRole('heading', { name: 'One-click checkout' }).waitFor();
    const status = page.getByRole('group', { name: 'Status' });
    await status.getByText('Draft', { exact: true }).waitFor();
    const variants = page.getByRole('region', { name: 'Variants' });
    await variants.getByRole('row').filter({ hasText: 'treatment' }).getByText('50%').waitFor();
    const metrics = page.getByRole('region', { name: 'Metrics' });
    await metrics.getByRole('row').filter({ hasText: 'refund' }).getByText('guardrail').waitFor();
    await metrics.getByRole('row').filter({ hasText: 'purchase' }).getByText('CUPED', { exact: true }).waitFor();
    await expect(metrics.getByRole('row').filter({ hasText: 'refund' }).getByText('CUPED', { exact: true }).count()).resolves.toBe(0);
    await page.getByText('Results appear here once the experiment is started and users are exposed.').waitFor();
  });

  it('starts and stops it as the owning team', async () => {
    const status = page.getByRole('group', { name: 'Status' });
    await page.getByRole('button', { name: 'Start experiment' }).click();
    await status.getByText('Running', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Stop experiment' }).click();
    await status.getByText('Stopped', { exact: true }).waitFor();
  });

  it('records the decision only with a lesson, and then shows the lesson', async () => {
    const decide = page.getByRole('region', { name: 'Decide' });
    await decide.getByRole('radio', { name: 'Ship' }).check();
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await decide.getByText('Write down what was learned, whatever the outcome').waitFor();

    await decide.getByLabel('Lesson').fill(lesson);
    await decide.getByRole('button', { name: 'Record decision' }).click();
    const learned = page.getByRole('region', { name: 'What was learned' });
    await learned.getByText(lesson).waitFor();
    await learned.getByText('Ship', { exact: true }).waitFor();
    await expect(page.getByRole('region', { name: 'Decide' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /experiment$/ }).count()).resolves.toBe(0);
  });

  it('lists the experiment with its status and decision', async () => {
    await page.getByRole('link', { name: 'Back to experiments' }).click();
    const row = page.getByRole('table', { name: 'Experiments' }).getByRole('row').filter({ hasText: 'One-click checkout' });
    await row.getByText('Decided').waitFor();
    await row.getByText('Ship').waitFor();

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Running' }).click();
    await page.getByText('No experiment matches.').waitFor();
  });
});
