import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount, signInColleague } from './support/accounts';
import { apiCall, registerComponent } from './support/api';
import { desktopViewport, pick } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

const reason = 'Card payments fail for every customer since the 14:00 deploy.';
const resolution = 'Rolled back the 14:00 deploy; card payments succeed again.';

describe('the andon cord in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** A colleague outside the payments team, in a browser of their own. */
  let colleague: BrowserContext;
  let colleaguePage: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
  });

  afterAll(() => closeBrowserSuite({ server, browser }));

  it('creates the first account, the payments team and its checkout service', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Taiichi Ohno', name: 'taiichi', email: 'taiichi@example.com', password: 'stop-the-line-1950' });
    await createTeamInUi(page, 'payments');

    // Registered over the API with this browser's session, as a script of the team would.
    const service = await registerComponent(page, 'checkout', 'payments');
    expect(service.status).toBe(201);
  });

  it('pulls the cord from the service page, and the andon card turns red', async () => {
    await page.goto(`${server.url}/catalog/component/default/checkout`);
    await page.getByRole('heading', { name: 'checkout' }).waitFor();
    const card = page.getByRole('region', { name: 'Andon status' });
    await card.getByText('Deploy gate open').waitFor();

    await card.getByRole('button', { name: 'Pull the andon cord' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull the andon cord on checkout' });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('combobox', { name: 'Severity' }).click();
    await page.getByRole('option', { name: '2: major, customers will be hurt soon' }).click();
    await dialog.getByLabel('Environment').fill('production');
    await dialog.getByRole('button', { name: 'Pull the cord' }).click();
    await dialog.waitFor({ state: 'detached' });

    await card.getByText('Deploy gate closed').waitFor();
    await card.getByRole('link', { name: 'Pull #1' }).waitFor();
    await card.getByText(reason, { exact: false }).waitFor();
    await expect(gate(page, 'checkout', 'production')).resolves.toMatchObject({ open: false, pulls: [{ number: 1, severity: 2 }] });
  });

  it('shows the pull big and red on the Andon board', async () => {
    await page.getByRole('link', { name: 'Andon', exact: true }).click();
    await page.getByRole('heading', { name: 'Andon board' }).waitFor();
    const pull = page.getByRole('article', { name: 'Pull #1 on checkout' });
    await pull.getByText(reason).waitFor();
    await pull.getByText('Severity 2').waitFor();
    await pull.getByText('production only').waitFor();
    await pull.getByText('Stopped for').waitFor();
    await expect(pull.getByRole('link', { name: 'checkout', exact: true }).getAttribute('href')).resolves.toBe('/catalog/component/default/checkout');
    await expect(pull.getByRole('link', { name: 'payments', exact: true }).getAttribute('href')).resolves.toBe('/teams/payments');
    await expect(page.getByText('All lines are running').count()).resolves.toBe(0);
  });

  it('opens the pull, comments on it and acknowledges it as its owner', async () => {
    await page.getByRole('link', { name: 'Open pull #1' }).click();
    await page.getByRole('heading', { name: 'Pull #1: checkout' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline of the pull' });
    await timeline.getByText(reason).waitFor();

    await page.getByLabel('Comment').fill('Rolling back the 14:00 deploy now.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await timeline.getByText('Rolling back the 14:00 deploy now.').waitFor();
    await expect(page.getByLabel('Comment').inputValue()).resolves.toBe('');

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('button', { name: 'Acknowledge' }).waitFor({ state: 'detached' });
    await timeline.getByText('taiichi acknowledged').waitFor();
  });

  it('lets a colleague outside the team see and comment on the pull, but not release it', async () => {
    ({ context: colleague, page: colleaguePage } = await signInColleague(browser, server.url, 'shigeo', 'Shigeo Shingo'));

    await colleaguePage.goto(`${server.url}/andon`);
    await colleaguePage.getByRole('link', { name: 'Open pull #1' }).click();
    await colleaguePage.getByRole('heading', { name: 'Pull #1: checkout' }).waitFor();
    await colleaguePage.getByText('Members of payments (the owning team) and admins acknowledge, resolve and override this pull.', { exact: false }).waitFor();
    await expect(colleaguePage.getByRole('button', { name: 'Resolve' }).count()).resolves.toBe(0);

    await colleaguePage.getByLabel('Comment').fill('Seeing the same errors in the EU.');
    await colleaguePage.getByRole('button', { name: 'Add comment' }).click();
    await colleaguePage.getByRole('region', { name: 'Timeline of the pull' }).getByText('Seeing the same errors in the EU.').waitFor();

    // The server says who may release it when anyone else tries.
    const refused = await apiCall(colleaguePage, 'POST', `/api/v1/andon/pulls/${pullIdFrom(colleaguePage.url())}/resolve`, { note: 'not mine to resolve' });
    expect(refused.status).toBe(403);
    expect((refused.body as { code: string }).code).toBe('ANDON_RELEASE_FORBIDDEN');

    // The colleague keeps the service page open while the owner resolves the pull.
    await colleaguePage.goto(`${server.url}/catalog/component/default/checkout`);
    await colleaguePage.getByRole('region', { name: 'Andon status' }).getByText('Deploy gate closed').waitFor();
  });

  it('resolves the pull with a note, as its owner', async () => {
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve pull #1' });
    await dialog.getByRole('button', { name: 'Resolve pull' }).click();
    await dialog.getByText('Say what fixed it').waitFor();
    await dialog.getByLabel('Resolution note').fill(resolution);
    await dialog.getByRole('button', { name: 'Resolve pull' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('Resolved by taiichi after').waitFor();
    await page.getByRole('region', { name: 'Timeline of the pull' }).getByText(resolution).waitFor();
    await expect(page.getByRole('button', { name: 'Override' }).count()).resolves.toBe(0);
  });

  it('opens the gate again: the board says all lines are running, and the service page follows live', async () => {
    await page.getByRole('link', { name: 'Back to the Andon board' }).click();
    await page.getByText('All lines are running').waitFor();
    await expect(page.getByRole('article').count()).resolves.toBe(0);
    await expect(gate(page, 'checkout')).resolves.toMatchObject({ open: true, pulls: [] });
    await expect(gate(page, 'checkout', 'production')).resolves.toMatchObject({ open: true, pulls: [] });

    // No reload: the gate stream (or, failing that, the poll) brings the change.
    await colleaguePage.getByRole('region', { name: 'Andon status' }).getByText('Deploy gate open').waitFor();
  });

  it('keeps the pull in the history and counts it per team and month', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'Andon history' });
    const row = history.getByRole('row').filter({ has: page.getByRole('link', { name: '#1', exact: true }) });
    await row.waitFor();
    await row.getByText('Resolved').waitFor();

    await pick(page, page.getByRole('combobox', { name: 'Owning team' }), 'pay', 'payments');
    await row.waitFor();
    await expect(history.getByRole('row').count()).resolves.toBe(2); // a header and the one pull

    await page.getByRole('tab', { name: 'Per team and month' }).click();
    const stats = page.getByRole('table', { name: 'Pulls per team and month' });
    const payments = stats.getByRole('row').filter({ has: page.getByRole('link', { name: 'payments', exact: true }) });
    await payments.waitFor();
    await expect(payments.getByRole('cell').nth(2).innerText()).resolves.toBe('1');
  });

  it('lets anyone pull the cord on a whole team, which stops its services', async () => {
    await colleaguePage.goto(`${server.url}/teams/payments`);
    await colleaguePage.getByRole('button', { name: 'Pull the cord on this team' }).click();
    const dialog = colleaguePage.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Every payments service drops requests after the network change.');
    await dialog.getByRole('button', { name: 'Pull the cord' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The owner's board shows it without a reload.
    await page.getByRole('tab', { name: 'Open pulls' }).click();
    await page.getByRole('article', { name: 'Pull #2 on team payments' }).waitFor();
    await expect(gate(page, 'checkout')).resolves.toMatchObject({ open: false, pulls: [{ number: 2, target: { kind: 'team', name: 'payments' } }] });
    await colleague.close();
  });
});

/** The deploy gate as a pipeline sees it, asked with the page's session. */
function gate(page: Page, service: string, environment?: string): Promise<{ open: boolean; pulls: unknown[] }> {
  const query = environment ? `?environment=${environment}` : '';
  return page.evaluate(async (path) => (await fetch(path)).json(), `/api/v1/gates/${service}${query}`);
}

function pullIdFrom(url: string): string {
  return new URL(url).pathname.split('/').pop() ?? '';
}
