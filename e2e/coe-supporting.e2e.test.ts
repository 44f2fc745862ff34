import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@dayone/server';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { apiCall } from './support/api';
import { desktopViewport, launchBrowser, openPage } from './support/browser';
import { webDist } from './support/test-server';

const csv = ['time,errors_per_minute', '2026-11-20T09:55:00Z,2', '2026-11-20T10:03:00Z,350', '2026-11-20T10:10:00Z,480', '2026-11-20T10:30:00Z,40', '2026-11-20T10:50:00Z,3'].join('\n');

/** A server on a data folder of our own, so the suite can stop it and start it again on the same data. */
const start = (dataDir: string) => startServer({ port: 0, host: '127.0.0.1', dataDir, webDist, logLevel: 'warn' });

describe('COE supporting data and the inbox in the browser', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let coe: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dayone-e2e-'));
    server = await start(dataDir);
    browser = await launchBrowser();
    page = await openPage(browser, desktopViewport);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('charts an uploaded metric CSV with the timeline milestones marked', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Grace Hopper', name: 'grace', email: 'grace@example.com', password: 'compiler-first-1952' });
    await createTeamInUi(page, 'payments');
    const created = await apiCall(page, 'POST', '/api/v1/coes', { title: 'Card payments failing', team: 'payments', tags: ['card-payments'] });
    expect(created.status).toBe(201);
    coe = (created.body as { number: number }).number;
    const timeline = [
      { at: '2026-11-20T10:00:00Z', text: 'Deploy of card client 4.2', milestone: 'started' },
      { at: '2026-11-20T10:05:00Z', text: 'Error-rate alarm', milestone: 'detected' },
      { at: '2026-11-20T10:08:00Z', text: 'On-call engineer paged in', milestone: 'acknowledged' },
      { at: '2026-11-20T10:20:00Z', text: 'Rolled back', milestone: 'mitigated' },
      { at: '2026-11-20T10:42:00Z', text: 'All clear', milestone: 'resolved' },
    ];
    expect((await apiCall(page, 'PUT', `/api/v1/coes/${coe}/sections/timeline`, { content: timeline }, 1)).status).toBe(200);

    await page.goto(`${server.url}/coes/${coe}`);
    const supporting = page.getByRole('region', { name: 'Supporting data' });
    await supporting.getByText('Nothing attached yet.').waitFor();
    await supporting.locator('input[type=file]').setInputFiles({ name: 'errors.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const chart = supporting.getByRole('figure', { name: 'Chart of errors_per_minute from errors.csv' });
    await chart.waitFor();
    await chart.locator('.recharts-line').first().waitFor();
    // One dashed vertical line per milestone, each labelled with its name.
    await expect(chart.locator('.recharts-reference-line').count()).resolves.toBe(5);
    for (const label of ['Started', 'Detected', 'Acknowledged', 'Mitigated', 'Resolved']) {
      await chart.locator('.recharts-surface').getByText(label, { exact: true }).waitFor();
    }
    await chart.getByText('5 points', { exact: false }).waitFor();

    // A broken CSV is refused with the line and column at fault, and nothing is added.
    await supporting.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('time,value\n2026-11-20T10:00:00Z,many\n') });
    await supporting.getByText('line 2, column 2 (value): "many" is not a number', { exact: false }).waitFor();
    await expect(supporting.getByRole('figure').count()).resolves.toBe(1);

    // The print view draws the same chart, milestones included.
    await page.goto(`${server.url}/coes/${coe}/print`);
    const printed = page.getByRole('figure', { name: 'Chart of errors_per_minute from errors.csv' });
    await printed.locator('.recharts-line').first().waitFor();
    await expect(printed.locator('.recharts-reference-line').count()).resolves.toBe(5);
    await page.goto(`${server.url}/coes/${coe}`);

    // The tag links to the COEs that share it.
    await page.getByRole('link', { name: 'card-payments' }).first().click();
    await page.getByRole('table', { name: 'COEs' }).getByRole('link', { name: `#${coe}: Card payments failing` }).waitFor();
  });

  it("shows an overdue action item's reminder in the owner's inbox after a restart", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const item = await apiCall(page, 'POST', `/api/v1/coes/${coe}/action-items`, { title: 'Canary the card client', owner: 'grace', dueDate: today, type: 'prevent' });
    expect(item.status).toBe(201);
    await server.close();
    // Time passes: the item's due date is now behind us. (The API refuses due dates before the COE was written.)
    const file = new SQLite(join(dataDir, 'dayone.sqlite'));
    file.prepare('update coe_action_items set due_date = ? where id = ?').run('2026-01-05', (item.body as { id: string }).id);
    file.close();
    // The reminder scheduler runs shortly after start-up, then every hour.
    server = await start(dataDir);

    await page.goto(`${server.url}/coes/${coe}`);
    const bell = page.getByRole('link', { name: 'Inbox: 1 unread' });
    await bell.waitFor({ timeout: 60_000 });
    await bell.click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const notice = page.getByRole('listitem', { name: 'Unread: Overdue action item: Canary the card client' });
    await notice.getByText(`It was due on 2026-01-05 (COE ${coe}).`, { exact: false }).waitFor();
    await notice.getByRole('button', { name: 'Mark read' }).click();
    await page.getByRole('link', { name: 'Inbox: nothing unread' }).waitFor();
    await page.getByRole('listitem', { name: 'Overdue action item: Canary the card client' }).getByRole('link', { name: 'Overdue action item: Canary the card client' }).click();
    await page.getByRole('heading', { name: `COE #${coe}: Card payments failing` }).waitFor();
  });
});
