import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { desktopViewport, openPage } from './browser';
import { signUpOverApi } from './test-server';

export type FirstAccount = { displayName: string; name: string; email: string; password: string };

/** Fills the first-run form that a fresh server shows, and waits for the teams list behind it. */
export async function setupFirstAccount(page: Page, url: string, account: FirstAccount): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Create the first account' }).waitFor();
  await page.getByLabel('Display name').fill(account.displayName);
  await page.getByLabel('User name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create the first account' }).click();
  await page.getByRole('heading', { name: 'Teams' }).waitFor();
}

/** Creates a team with just its name through the create form, and waits for its page. */
export async function createTeamInUi(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Create team' }).click();
  await page.getByLabel('Team name').fill(name);
  await page.getByRole('button', { name: 'Create team' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

/** A colleague who signs up by themselves and works in a browser context of their own. */
export async function signInColleague(browser: Browser, url: string, name: string, displayName: string): Promise<{ context: BrowserContext; page: Page }> {
  await signUpOverApi(url, name, displayName);
  const context = await browser.newContext({ viewport: desktopViewport });
  const signIn = await context.request.post(`${url}/api/v1/auth/signin`, { data: { email: `${name}@example.com`, password: 'correct horse battery' } });
  expect(signIn.status()).toBe(200);
  return { context, page: await openPage(context) };
}
