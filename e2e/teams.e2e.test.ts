import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupFirstAccount } from './support/accounts';
import { pick } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import { signUpOverApi, type TestServer } from './support/test-server';

const colleagues = Array.from({ length: 11 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return { name: `colleague-${n}`, displayName: `Colleague ${n}` };
});

describe('teams in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite());
  });

  afterAll(() => closeBrowserSuite({ server, browser }));

  it('creates the first account', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Ada Lovelace', name: 'ada-l', email: 'ada@example.com', password: 'analytical-engine' });
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Admin' }).isVisible()).resolves.toBe(true);
  });

  it('shows server validation errors next to the field, then creates a team', async () => {
    await page.getByRole('link', { name: 'Create team' }).click();
    const name = page.getByLabel('Team name');
    await name.fill('not a valid name');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByText('must be letters and digits').waitFor();
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');

    await name.fill('payments');
    await page.getByLabel('Display name').fill('Payments');
    await page.getByLabel('Mission').fill('Every customer can pay in one step.');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { name: 'Payments' }).waitFor();
    await page.getByText('This team owns nothing yet.').waitFor();
    await page.getByRole('alert').filter({ hasText: 'No single-threaded leader' }).waitFor();
  });

  it('warns when the team grows past two pizzas', async () => {
    for (const c of colleagues) await signUpOverApi(server.url, c.name, c.displayName);

    for (const c of colleagues) await addMember(page, c.name, c.displayName);

    await page.getByRole('heading', { name: 'Members (12)' }).waitFor();
    const warning = page.getByRole('alert').filter({ hasText: 'Over the two-pizza size' });
    await warning.waitFor();
    const text = await warning.innerText();
    expect(text).toContain('12');
    expect(text).toContain('10');
  });

  it('clears the no-leader finding once a leader is set', async () => {
    const noLeader = page.getByRole('alert').filter({ hasText: 'No single-threaded leader' });
    await noLeader.waitFor();

    await page.getByRole('button', { name: 'Edit team' }).click();
    const dialog = page.getByRole('dialog');
    await pick(page, dialog.getByRole('combobox', { name: 'Leader' }), 'ada', 'Ada Lovelace (ada-l)');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });

    await noLeader.waitFor({ state: 'detached' });
    await expect(page.getByRole('alert').filter({ hasText: 'Over the two-pizza size' }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'Ada Lovelace' }).first().waitFor();
  });
});

async function addMember(page: Page, name: string, displayName: string) {
  await pick(page, page.getByRole('combobox', { name: 'Person to add' }), name, `${displayName} (${name})`);
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByRole('button', { name: `Remove ${displayName}` }).waitFor();
}
