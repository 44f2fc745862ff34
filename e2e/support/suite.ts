import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { startTestServer, type TestServer } from './test-server';

export type BrowserSuite = { server: TestServer; browser: Browser; page: Page };

/** A fresh server, a browser and the page a suite drives; closed again with closeBrowserSuite. */
export async function startBrowserSuite(viewport?: { width: number; height: number }): Promise<BrowserSuite> {
  const server = await startTestServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    return { server, browser, page: await openPage(browser, viewport) };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

export async function closeBrowserSuite(suite: Partial<BrowserSuite>): Promise<void> {
  await suite.browser?.close();
  await suite.server?.close();
}
