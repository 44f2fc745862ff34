import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** The viewport of the wide pages (catalog, andon board, COEs): room for the side-by-side layouts. */
export const desktopViewport = { width: 1400, height: 1000 };

/** Debian's Chromium, headless, with everything that phones home switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page that waits up to 15 s for what it looks for. */
export async function openPage(owner: Browser | BrowserContext, viewport?: { width: number; height: number }): Promise<Page> {
  const page = 'newContext' in owner ? await owner.newPage(viewport ? { viewport } : undefined) : await owner.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Types into a searchable select and chooses the option the server search returns. */
export async function pick(page: Page, input: Locator, search: string, option: string): Promise<void> {
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}
