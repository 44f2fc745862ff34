import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount, signInColleague } from './support/accounts';
import { apiCall, registerComponent } from './support/api';
import { desktopViewport, pick } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

const canary = 'Add a canary stage to the checkout pipeline';
const alarm = 'Alarm on the card payment error rate';

describe('Corrections of Error in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** A reviewer outside the payments team, in a browser of their own. */
  let reviewer: BrowserContext;
  let coeNumber: number;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
  });

  afterAll(async () => {
    await reviewer?.close();
    await closeBrowserSuite({ server, browser });
  });

  it('creates the first account and the payments team', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Grace Hopper', name: 'grace', email: 'grace@example.com', password: 'compiler-first-1952' });
    await createTeamInUi(page, 'payments');
  });

  it('resolving a severity 2 pull on checkout starts a draft COE for payments', async () => {
    const service = await registerComponent(page, 'checkout', 'payments');
    expect(service.status).toBe(201);
    const pull = await apiCall(page, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Card payments fail after the 14:00 deploy.', severity: 2 });
    expect(pull.status).toBe(201);
    const pullId = (pull.body as { id: string }).id;
    const resolved = await apiCall(page, 'POST', `/api/v1/andon/pulls/${pullId}/resolve`, { note: 'Rolled back the 14:00 deploy.' });
    expect(resolved.status).toBe(200);

    const coes = await apiCall(page, 'GET', '/api/v1/coes?team=payments');
    const items = (coes.body as { items: { number: number; status: string; pulls: string[] }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'draft', pulls: [pullId] });
    coeNumber = items[0].number;

    await page.getByRole('link', { name: 'COEs', exact: true }).click();
    await page.getByRole('heading', { name: 'Corrections of Error' }).waitFor();
    await page.getByRole('table', { name: 'COEs' }).getByRole('link', { name: `#${coeNumber}: Pull #1` }).click();
    await page.getByRole('heading', { name: `COE #${coeNumber}: Pull #1` }).waitFor();
    await page.getByText('Draft', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Pull #1', exact: true }).waitFor();
    await expect(page.getByRole('link', { name: 'component:checkout' }).getAttribute('href')).resolves.toBe('/catalog/component/default/checkout');
    // The pull's timeline was copied in, with its milestones.
    await expect(section(page, 'Timeline').getByRole('combobox', { name: 'Milestone 1' }).inputValue()).resolves.toBe('Detected');
  });

  it('writes the summary, and gently points out a name in it', async () => {
    const summary = section(page, 'Summary');
    await summary.getByLabel('Summary (Markdown)').fill('Card payments failed for 40 minutes after grace deployed a change.');
    await summary.getByRole('button', { name: 'Save Summary' }).click();
    await summary.getByText('Saved by grace').waitFor();
    await summary.getByText('Mentions', { exact: false }).waitFor(); // blameless-writing advice; saving was not blocked

    await summary.getByLabel('Summary (Markdown)').fill('Card payments failed for 40 minutes after a deploy with an untested config change.');
    await summary.getByRole('button', { name: 'Save Summary' }).click();
    await summary.getByText('Mentions', { exact: false }).waitFor({ state: 'detached' });
  });

  it('after someone else saved the summary first, shows their text and re-applies on request', async () => {
    const summary = section(page, 'Summary');
    await summary.getByLabel('Summary (Markdown)').fill('Card payments failed for 40 minutes.');
    const current = await apiCall(page, 'GET', `/api/v1/coes/${coeNumber}`);
    const version = (current.body as { sections: { name: string; version: number }[] }).sections.find((s) => s.name === 'summary')?.version;
    const put = await apiCall(page, 'PUT', `/api/v1/coes/${coeNumber}/sections/summary`, { content: 'Their summary, saved in another tab.' }, version);
    expect(put.status).toBe(200);

    await summary.getByRole('button', { name: 'Save Summary' }).click();
    await summary.getByText('grace changed this section').waitFor();
    await summary.getByRole('group', { name: 'Their version' }).getByText('Their summary, saved in another tab.').waitFor();
    await summary.getByRole('button', { name: 'Re-apply my changes' }).click();
    await summary.getByText('grace changed this section').waitFor({ state: 'detached' });
    await expect(summary.getByLabel('Summary (Markdown)').inputValue()).resolves.toBe('Card payments failed for 40 minutes.');
    const saved = await apiCall(page, 'GET', `/api/v1/coes/${coeNumber}`);
    expect((saved.body as { sections: { name: string; content: unknown }[] }).sections.find((s) => s.name === 'summary')?.content).toBe('Card payments failed for 40 minutes.');
  });

  it('writes a five-whys chain of three steps', async () => {
    const rootCause = section(page, 'Root cause');
    await rootCause.getByRole('button', { name: 'Add a five-whys chain' }).click();
    const chain = rootCause.getByRole('group', { name: 'Chain 1' });
    const steps = [
      ['Why did card payments fail?', 'The payment client read a malformed timeout setting.'],
      ['Why was the setting malformed?', 'The config change was not validated before deploy.'],
      ['Why was it not validated?', 'The pipeline has no config schema check.'],
    ];
    for (const [i, [why, because]] of steps.entries()) {
      if (i > 0) await chain.getByRole('button', { name: 'Add a why' }).click();
      await chain.getByLabel(`Why ${i + 1}`, { exact: true }).fill(why);
      await chain.getByLabel(`Because ${i + 1}`, { exact: true }).fill(because);
    }
    await rootCause.getByRole('button', { name: 'Save Root cause' }).click();
    await rootCause.getByText('Saved by grace').waitFor();
    await expect(rootCause.getByText('stops after', { exact: false }).count()).resolves.toBe(0); // deep enough: no advice
  });

  it('adds a started milestone to the timeline: refused out of order, saved once sorted, and the durations follow', async () => {
    const timeline = section(page, 'Timeline');
    await expect(page.getByRole('group', { name: 'Time to detect: —' }).count()).resolves.toBe(1);
    await timeline.getByRole('button', { name: 'Add a timeline entry' }).click();
    // An hour before the pull, in the browser's time zone, as a datetime-local input takes it.
    const anHourEarlier = await page.evaluate(() => {
      const d = new Date(Date.now() - 3_600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    });
    await timeline.getByLabel('Time 3', { exact: true }).fill(anHourEarlier);
    await timeline.getByLabel('What happened 3', { exact: true }).fill('A deploy with an untested config change started.');
    await choose(page, timeline.getByRole('combobox', { name: 'Milestone 3' }), 'Started');
    await timeline.getByRole('button', { name: 'Save Timeline' }).click();
    await timeline.getByText('started is out of order', { exact: false }).waitFor();

    await timeline.getByRole('button', { name: 'Sort by time' }).click();
    await expect(timeline.getByRole('combobox', { name: 'Milestone 1' }).inputValue()).resolves.toBe('Started');
    await timeline.getByRole('button', { name: 'Save Timeline' }).click();
    await timeline.getByText('Saved by grace').waitFor();
    await page.getByRole('group', { name: /^Time to detect: (59 min|1 h)/ }).waitFor();
    await page.getByRole('group', { name: /^Time to resolve: (59 min|1 h)/ }).waitFor();
  });

  it('adds two action items, and explains a due date the server refuses', async () => {
    const items = section(page, 'Action items');
    await items.getByText('No action items yet: a COE is there to produce corrective actions.').waitFor();
    await addActionItem(page, canary, '2099-01-15', 'Prevent: stop it happening again');
    await items.getByRole('cell', { name: canary }).waitFor();
    // A due date before the COE was written is refused, next to the field.
    await fillActionItem(page, alarm, '2020-01-15', 'Mitigate: limit the damage next time');
    await items.getByText('is before the COE was written', { exact: false }).waitFor();
    await items.getByLabel('Due date').fill('2099-02-01');
    await items.getByRole('button', { name: 'Add action item' }).click();
    const table = page.getByRole('table', { name: 'Action items of this COE' });
    await table.getByRole('cell', { name: alarm }).waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(3);
    await expect(table.getByText('Overdue').count()).resolves.toBe(0);
    await items.getByText('No action items yet', { exact: false }).waitFor({ state: 'detached' });
  });

  it('lists them under My action items and My team’s action items', async () => {
    await page.goto(`${server.url}/action-items`);
    const mine = page.getByRole('table', { name: 'My action items' });
    await mine.getByRole('cell', { name: canary }).waitFor();
    await mine.getByRole('cell', { name: alarm }).waitFor();
    await expect(mine.getByRole('row').count()).resolves.toBe(3);
    await expect(mine.getByRole('link', { name: `COE #${coeNumber}` }).count()).resolves.toBe(2);

    await page.getByText('My team’s action items').click();
    const team = page.getByRole('table', { name: 'Action items of payments' });
    await team.getByRole('cell', { name: alarm }).waitFor();
    await page.goto(`${server.url}/coes/${coeNumber}`);
  });

  it('submits the COE for review', async () => {
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('In review', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Submit for review' }).count()).resolves.toBe(0);
  });

  it('a reviewer from outside the team adds a review, which makes it reviewed', async () => {
    const colleague = await signInColleague(browser, server.url, 'shigeo', 'Shigeo Shingo');
    reviewer = colleague.context;
    const reviewerPage = colleague.page;

    await reviewerPage.goto(`${server.url}/coes/${coeNumber}`);
    await reviewerPage.getByRole('heading', { name: `COE #${coeNumber}: Pull #1` }).waitFor();
    await reviewerPage.getByText('Members of payments write this COE.', { exact: false }).waitFor();
    await expect(reviewerPage.getByRole('button', { name: 'Save Summary' }).count()).resolves.toBe(0);
    await expect(reviewerPage.getByRole('button', { name: 'Close COE' }).count()).resolves.toBe(0);

    const reviews = section(reviewerPage, 'Reviews');
    await reviews.getByLabel('Review note').fill('Clear and blameless. The schema check is the right fix.');
    await reviews.getByRole('button', { name: 'Add review' }).click();
    await reviewerPage.getByText('Reviewed', { exact: true }).waitFor();
    await section(reviewerPage, 'Reviews').getByText('Clear and blameless.', { exact: false }).waitFor();
  });

  it('refuses to close while action items are open, listing them; closes once both are done', async () => {
    await page.reload();
    await page.getByText('Reviewed', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Close COE' }).click();
    let dialog = page.getByRole('dialog', { name: `Close COE #${coeNumber}` });
    await dialog.getByRole('button', { name: 'Close the COE' }).click();
    await dialog.getByText('2 action items are still open').waitFor();
    const open = dialog.getByRole('table', { name: 'Open action items' });
    await open.getByRole('cell', { name: canary }).waitFor();
    await open.getByRole('cell', { name: alarm }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    const table = page.getByRole('table', { name: 'Action items of this COE' });
    for (const title of [canary, alarm]) {
      const status = table.getByRole('combobox', { name: `Status of ${title}` });
      await status.click();
      await page.getByRole('option', { name: 'Done', exact: true }).click();
      await expect.poll(() => status.inputValue()).toBe('Done');
      await expect.poll(() => status.isEnabled()).toBe(true);
    }
    await expect(table.getByText('Overdue').count()).resolves.toBe(0); // done is never overdue

    await page.getByRole('button', { name: 'Close COE' }).click();
    dialog = page.getByRole('dialog', { name: `Close COE #${coeNumber}` });
    await dialog.getByRole('button', { name: 'Close the COE' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Closed', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Save Summary' }).count()).resolves.toBe(0);
  });

  it('finds the COE on the list by status, service and text', async () => {
    await page.getByRole('link', { name: 'COEs', exact: true }).click();
    const table = page.getByRole('table', { name: 'COEs' });
    const row = table.getByRole('link', { name: `#${coeNumber}: Pull #1` });
    await row.waitFor();
    await choose(page, page.getByRole('combobox', { name: 'Status' }), 'Draft');
    await page.getByText('No COE matches.').waitFor();
    await choose(page, page.getByRole('combobox', { name: 'Status' }), 'Closed');
    await row.waitFor();
    await pick(page, page.getByRole('combobox', { name: 'Service' }), 'checkout', 'component:checkout');
    await row.waitFor();
    await page.getByLabel('Search COEs').fill('no config schema check');
    await row.waitFor();
    await page.getByLabel('Search COEs').fill('nothing like this anywhere');
    await page.getByText('No COE matches.').waitFor();
    await page.goto(`${server.url}/coes/${coeNumber}`);
  });

  it('writes a new COE by hand, which finds the earlier one on the same service as related', async () => {
    await page.getByRole('link', { name: 'COEs', exact: true }).click();
    await page.getByRole('link', { name: 'Write a COE' }).click();
    await page.getByLabel('Title').fill('Checkout timeouts during the sale');
    await expect(page.getByRole('combobox', { name: 'Owning team' }).inputValue()).resolves.toBe('payments');
    const services = page.getByRole('combobox', { name: 'Services' });
    await services.fill('component:default/checkout');
    await services.press('Enter');
    await page.getByRole('button', { name: 'Start the COE' }).click();
    await page.getByRole('heading', { name: `COE #${coeNumber + 1}: Checkout timeouts during the sale` }).waitFor();
    await page.getByText('Draft', { exact: true }).waitFor();
    await section(page, 'Related COEs').getByRole('link', { name: `COE #${coeNumber}: Pull #1` }).click();
    await page.getByRole('heading', { name: `COE #${coeNumber}: Pull #1` }).waitFor();
  });

  it('exports Markdown and prints plainly', async () => {
    const href = await page.getByRole('link', { name: 'Export Markdown' }).getAttribute('href');
    expect(href).toBe(`/api/v1/coes/${coeNumber}/markdown`);
    const markdown = await page.evaluate(async (url) => (await fetch(url)).text(), href as string);
    expect(markdown).toContain('The pipeline has no config schema check.');

    await page.getByRole('link', { name: 'Print' }).click();
    await page.getByRole('heading', { name: `COE #${coeNumber}: Pull #1` }).waitFor();
    await page.getByText('Why was it not validated?', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Print this page' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).count()).resolves.toBe(0);
  });
});

/** A part of the page named by its heading, such as a COE section. */
function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addActionItem(page: Page, title: string, dueDate: string, type: string) {
  const items = section(page, 'Action items');
  await fillActionItem(page, title, dueDate, type);
  await expect.poll(() => items.getByLabel('Action item title').inputValue()).toBe('');
}

async function fillActionItem(page: Page, title: string, dueDate: string, type: string) {
  const items = section(page, 'Action items');
  await items.getByLabel('Action item title').fill(title);
  await pick(page, items.getByRole('combobox', { name: 'Owner' }), 'grace', 'Grace Hopper (grace)');
  await items.getByLabel('Due date').fill(dueDate);
  await items.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: type, exact: true }).click();
  await items.getByRole('button', { name: 'Add action item' }).click();
}
