import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupFirstAccount } from './support/accounts';
import { apiCall, registerComponent } from './support/api';
import { desktopViewport } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import { signUpOverApi, type TestServer } from './support/test-server';

describe('the org tree coloured by the organisation checks', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  const team = (body: Record<string, unknown>) => apiCall(page, 'POST', '/api/v1/teams', body);
  const join = (name: string, person: string) => apiCall(page, 'POST', `/api/v1/teams/${name}/members`, { person });
  const row = (name: string) => page.getByRole('group', { name, exact: true });
  const legendRow = (level: string) => page.getByRole('region', { name: 'Legend' }).getByRole('row', { name: level, exact: true });

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
    await setupFirstAccount(page, server.url, { displayName: 'Mary Parker Follett', name: 'mary', email: 'mary@example.com', password: 'creative-experience-1924' });
    const people = Array.from({ length: 11 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    for (const person of people) await signUpOverApi(server.url, person, `Person ${person}`);

    // Whoever creates a team joins it. commerce keeps every check; big has twelve people; drifting has
    // no leader; sprawl has no leader and owns four components with one person to carry them.
    expect((await team({ name: 'commerce', leader: 'mary' })).status).toBe(201);
    expect((await team({ name: 'big', parent: 'commerce', leader: 'p00' })).status).toBe(201);
    for (const person of people) expect((await join('big', person)).status).toBe(200);
    expect((await team({ name: 'drifting', parent: 'commerce' })).status).toBe(201);
    expect((await team({ name: 'sprawl' })).status).toBe(201);
    for (const name of ['a', 'b', 'c', 'd']) expect((await registerComponent(page, `sprawl-${name}`, 'sprawl')).status).toBe(201);
  });
  afterAll(() => closeBrowserSuite({ server, browser }));

  it('colours each team by its level, names its findings, and counts the levels in the legend', async () => {
    await page.getByRole('link', { name: 'Org tree', exact: true }).click();
    await page.getByRole('heading', { name: 'Org tree' }).waitFor();

    await legendRow('Healthy').waitFor();
    expect(await legendRow('Healthy').innerText()).toContain('1 team');
    expect(await legendRow('One finding').innerText()).toContain('2 teams');
    expect(await legendRow('Several findings').innerText()).toContain('1 team');
    expect(await legendRow('Healthy').innerText()).toContain('a single-threaded leader');

    await row('commerce').getByText('Healthy', { exact: true }).waitFor();
    expect(await row('commerce').getByText('Over 10 people').count()).toBe(0);

    await row('big').getByText('One finding', { exact: true }).waitFor();
    expect(await row('big').getByText('12 members', { exact: true }).count()).toBe(1);
    // Each badge names its finding, and its title gives the finding's message.
    expect(await row('big').getByTitle('This team has 12 people', { exact: false }).textContent()).toBe('Over 10 people');

    await row('drifting').getByText('One finding', { exact: true }).waitFor();
    expect(await row('drifting').getByTitle('This team has no single-threaded leader.', { exact: true }).textContent()).toBe('No single-threaded leader');

    await row('sprawl').getByText('Several findings', { exact: true }).waitFor();
    await row('sprawl').getByText('No single-threaded leader', { exact: true }).waitFor();
    expect(await row('sprawl').getByTitle('owns 4 components with 1 person', { exact: false }).textContent()).toBe('Owns more than it can carry');
  });

  it('narrows to one team and its sub-teams', async () => {
    await page.getByRole('combobox', { name: 'Team (with its sub-teams)' }).click();
    await page.getByRole('option', { name: 'big', exact: true }).click();
    await page.waitForURL(/team=big/);
    await row('big').waitFor();
    expect(await row('commerce').count()).toBe(0);
    expect(await row('sprawl').count()).toBe(0);
    expect(await legendRow('Healthy').innerText()).toContain('0 teams');
    expect(await legendRow('One finding').innerText()).toContain('1 team');
  });

  it('is reached from the Organisation part of the insights', async () => {
    await page.getByRole('link', { name: 'Insights', exact: true }).click();
    await page.getByRole('region', { name: 'Organisation' }).getByRole('link', { name: 'See the org tree coloured by these checks' }).click();
    await page.getByRole('heading', { name: 'Org tree' }).waitFor();
    await legendRow('Several findings').waitFor();
    expect(await row('sprawl').count()).toBe(1);
  });
});
