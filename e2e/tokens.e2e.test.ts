import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

describe('scoped API tokens in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite());
    await setupFirstAccount(page, server.url, { displayName: 'Ada Lovelace', name: 'ada-l', email: 'ada@example.com', password: 'analytical-engine' });
    await createTeamInUi(page, 'payments');
  });

  afterAll(() => closeBrowserSuite({ server, browser }));

  it('creates a pipeline token with only the scopes it needs and an expiry, and the token is held to them', async () => {
    await page.goto(`${server.url}/tokens`);
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByLabel('Token name').fill('deploy-pipeline');
    // Read and write are ticked by default; a pipeline needs neither.
    await page.getByRole('checkbox', { name: /^read —/ }).uncheck();
    await page.getByRole('checkbox', { name: /^write —/ }).uncheck();
    await page.getByRole('checkbox', { name: /^gates:read —/ }).check();
    await page.getByRole('checkbox', { name: /^events:write —/ }).check();
    // An admin is offered the admin scope.
    await expect(page.getByRole('checkbox', { name: /^admin —/ }).isVisible()).resolves.toBe(true);
    await page.getByRole('combobox', { name: 'Expires' }).click();
    await page.getByRole('option', { name: '30 days' }).click();
    await page.getByRole('button', { name: 'Create token' }).click();

    await page.getByText('Token "deploy-pipeline" created').waitFor();
    const secret = (await page.getByRole('alert').locator('code').textContent())!.trim();
    expect(secret).toMatch(/^dayone_/);
    const row = page.getByRole('row').filter({ hasText: 'deploy-pipeline' });
    await row.getByText('gates:read').waitFor();
    await expect(row.getByText('events:write').isVisible()).resolves.toBe(true);
    await expect(row.getByText('Never').count()).resolves.toBe(1); // last used: never; it does expire

    const asPipeline = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await asPipeline('POST', '/api/v1/events', [])).status).toBe(200);
    const edit = await asPipeline('PATCH', '/api/v1/teams/payments', { mission: 'hijacked' }, { 'if-match': '"1"' });
    expect(edit.status).toBe(403);
    expect(await edit.json()).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', missingScopes: ['write'] });
    const listed = await (await fetch(`${server.url}/api/v1/tokens`, { headers: { authorization: `Bearer ${secret}` } })).json();
    expect(listed.code).toBe('TOKEN_SCOPE_MISSING');
  });

  it('will not create a token without a scope', async () => {
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByLabel('Token name').fill('nothing');
    await page.getByRole('checkbox', { name: /^read —/ }).uncheck();
    await page.getByRole('checkbox', { name: /^write —/ }).uncheck();
    await expect(page.getByRole('button', { name: 'Create token' }).isDisabled()).resolves.toBe(true);
  });
});
