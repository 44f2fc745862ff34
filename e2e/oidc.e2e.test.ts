import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@dayone/server';
import { startTestProvider, type TestProvider } from '../packages/server/test/oidc-provider-fixture';
import { launchBrowser, openPage } from './support/browser';
import { webDist } from './support/test-server';

/** A loopback port nobody listens on now, so the provider can know the app's redirect URI in advance. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('company sign-in in the browser, with passwords turned off', () => {
  let idp: TestProvider;
  let server: RunningServer;
  let dataDir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const port = await freePort();
    const client = { clientId: 'dayone-e2e', clientSecret: 'e2e-client-secret-0123456789', redirectUris: [`http://127.0.0.1:${port}/api/v1/auth/oidc/callback`] };
    idp = await startTestProvider({
      clients: [client],
      accounts: [{ login: 'ada', email: 'ada@example.com', emailVerified: true, name: 'Ada Lovelace', groups: ['analytical-engine'] }],
    });
    dataDir = await mkdtemp(join(tmpdir(), 'dayone-e2e-oidc-'));
    server = await startServer({
      port,
      host: '127.0.0.1',
      dataDir,
      webDist,
      logLevel: 'warn',
      localPasswords: false,
      oidc: { issuer: idp.issuer, clientId: client.clientId, clientSecret: client.clientSecret, name: 'Test IdP', scopes: 'openid email profile groups', teamsClaim: 'groups' },
    });
    browser = await launchBrowser();
    page = await openPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('offers only the company button on a fresh instance; the first person through it becomes the admin', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Create the first account' }).waitFor();
    await page.getByText('The first person to sign in with Test IdP becomes the administrator.').waitFor();
    await expect(page.getByLabel('Password').count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.getByRole('heading', { name: 'Sign in to the test identity provider' }).waitFor();
    expect(new URL(page.url()).origin).toBe(idp.issuer);
    await page.getByLabel('Login').fill('ada');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).origin).toBe(server.url);
    await expect(page.getByRole('link', { name: 'Admin' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Ada Lovelace' }).isVisible()).resolves.toBe(true);
  });

  it('after signing out, the sign-in page has the company button only, and it signs in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).waitFor();
    await expect(page.getByLabel('Password').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Create an account' }).count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    // The provider may remember the earlier sign-in and send the browser straight back.
    const login = page.getByLabel('Login');
    await Promise.race([login.waitFor(), page.getByRole('button', { name: 'Sign out' }).waitFor()]);
    if (await login.isVisible()) {
      await login.fill('ada');
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session.person).toMatchObject({ name: 'ada', displayName: 'Ada Lovelace', role: 'admin' });
  });

  it('explains a refused sign-in on the sign-in page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(`${server.url}/api/v1/auth/oidc/callback?code=forged&state=forged`);
    await page.getByText('Signing in with Test IdP did not succeed').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(0);
  });
});
