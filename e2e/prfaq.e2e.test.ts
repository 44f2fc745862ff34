import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { desktopViewport } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

// A three-second decision window, so the default yes arrives while the browser watches (this file runs
// in its own process, and the server reads the window when it starts).
process.env.DAYONE_DECISION_WINDOW = '3s';

const summary = 'SEATTLE — Day One Pay significantly helps small shops take card payments in one minute.';
const hostile = 'Pay with one tap. <script>window.__xss = 1</script> <img src=x onerror="window.__xss = 2"> [Read more](javascript:window.__xss=3)';

describe('Working Backwards in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
  });
  afterAll(async () => {
    delete process.env.DAYONE_DECISION_WINDOW;
    await closeBrowserSuite({ server, browser });
  });

  it('writes a PR/FAQ and sees the coach read the unsaved text', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Katherine Johnson', name: 'katherine', email: 'katherine@example.com', password: 'trajectories-1962' });
    await createTeamInUi(page, 'payments');
    await page.getByRole('link', { name: 'PR/FAQs', exact: true }).click();
    await page.getByRole('link', { name: 'Write a PR/FAQ' }).click();
    await page.getByLabel('Title').fill('Day One Pay');
    await page.getByLabel('Customer').fill('small shops that take card payments');
    await page.getByRole('button', { name: 'Start the draft' }).click();
    await page.getByRole('heading', { name: 'PR/FAQ #1: Day One Pay' }).waitFor();

    const pressRelease = page.getByRole('region', { name: 'Press release' });
    await pressRelease.getByLabel('Heading', { exact: true }).fill('Day One Pay lets small shops take cards in a minute');
    await pressRelease.getByLabel('Summary').fill(summary);
    await pressRelease.getByLabel('Problem').fill('Small shops wait two weeks for a card terminal and lose sales meanwhile.');
    await pressRelease.getByLabel('Solution').fill(hostile);

    // The coach reads what is typed, before anything is saved, and points at the passage.
    const coach = page.getByRole('region', { name: 'Writing coach' });
    await coach.locator('mark', { hasText: 'significantly' }).first().waitFor();
    await coach.getByText(/^Score \d+$/).waitFor();

    await pressRelease.getByRole('button', { name: 'Save press release' }).click();
    await page.getByText('Press release saved as a new version').waitFor();
  });

  it('starts a review round and comments on a passage; Markdown arrives without scripts or javascript: links', async () => {
    await page.getByRole('tab', { name: /Review/ }).click();
    await page.getByRole('button', { name: 'Start round' }).click();
    const round = page.getByRole('region', { name: 'Review round 1' });
    await round.getByText('Round 1: version 2').waitFor();
    await round.getByRole('button', { name: /silent read/ }).waitFor();

    // The rendered document carries the words, but none of the script, the handler or the link target.
    const article = round.getByRole('article', { name: 'Document' });
    await article.getByText('Pay with one tap.', { exact: false }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await article.locator('script').count()).toBe(0);
    expect(await article.locator('[onerror]').count()).toBe(0);
    const hrefs = await article.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.toLowerCase().includes('javascript:'))).toEqual([]);

    await round.getByRole('combobox', { name: 'On the passage in' }).click();
    await page.getByRole('option', { name: 'Press release: Summary' }).click();
    await round.getByLabel('Passage', { exact: true }).fill('significantly');
    await round.getByLabel('Comment', { exact: true }).fill('Say by how much: a number, not an adverb.');
    await round.getByRole('button', { name: 'Comment', exact: true }).click();
    const thread = round.getByRole('listitem', { name: 'Comment by katherine' });
    await thread.getByText('Say by how much: a number, not an adverb.').waitFor();
    await expect(thread.locator('mark').textContent()).resolves.toBe('significantly');
  });

  it('asks for a two-way-door decision and watches the default yes arrive when the window closes', async () => {
    await page.getByRole('tab', { name: /Decision/ }).click();
    const ask = page.getByRole('form', { name: 'Ask for a decision' });
    await ask.getByRole('button', { name: 'Ask for a decision' }).click();
    const decision = page.getByRole('region', { name: 'Decision on version 2' });
    await decision.waitFor();
    // Nobody wrote a no: silence is a yes.
    await decision.getByText('Yes by default', { exact: true }).first().waitFor({ timeout: 60_000 });
    await page.getByText('Decided: yes').first().waitFor();

    await page.goto(`${server.url}/prfaqs/decisions`);
    await page.getByRole('table', { name: 'Decisions' }).waitFor();
    const row = page.getByRole('table', { name: 'Decisions' }).getByRole('row', { name: /Day One Pay/ });
    await row.getByText('yes (default)').waitFor();
  });

  it('adds a use case with code and an uploaded mock-up to the customer experience, shown in the print view', async () => {
    await page.goto(`${server.url}/prfaqs/1`);
    const experience = page.getByRole('region', { name: 'Customer experience' });
    await experience.getByRole('button', { name: 'Add a use case' }).click();
    await experience.getByLabel('Use case 1', { exact: true }).fill('Take the first payment');
    await experience.getByLabel('Use case 1 code', { exact: true }).fill('curl -X POST https://pay.example.com/v1/charges -d amount=500');
    // A 1×1 PNG (the smallest valid image: signature, IHDR, IDAT, IEND).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const chooser = page.waitForEvent('filechooser');
    await experience.getByRole('button', { name: 'Upload a mock-up' }).click();
    await (await chooser).setFiles({ name: 'checkout-screen.png', mimeType: 'image/png', buffer: png });
    await experience.getByRole('img', { name: 'checkout-screen.png' }).waitFor();
    await experience.getByRole('button', { name: 'Save customer experience' }).click();
    await page.getByText('Customer experience saved as a new version').waitFor();

    await page.goto(`${server.url}/prfaqs/1/print`);
    await page.getByText('Take the first payment').waitFor();
    await page.getByText('curl -X POST https://pay.example.com/v1/charges -d amount=500').waitFor();
    const image = page.getByRole('img', { name: 'checkout-screen.png' });
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  });
});
