import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '@dayone/sdk';
import { analyze, power, type TreatmentResult } from '@dayone/stats';
import { formatEffect, formatInterval, formatPValue, formatShare } from '../packages/web/src/capabilities/experiments/result-format';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { apiCall } from './support/api';
import { desktopViewport } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

const variants = [
  { name: 'control', weight: 0.34 },
  { name: 'b', weight: 0.33 },
  { name: 'c', weight: 0.33 },
];
const DAYS = ['2026-11-20', '2026-11-21', '2026-11-22'];

/** A user's revenue: deterministic, a little higher in c. */
const revenueOf = (i: number, variant: number) => (i % 7) + (variant === 2 ? 2 : 0);

describe('experiment results in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
  });

  afterAll(() => closeBrowserSuite({ server, browser }));

  const create = async (key: string, body: object) => {
    const created = await apiCall(page, 'POST', '/api/v1/experiments', { key, hypothesis: 'We believe free shipping raises revenue, measured by revenue per user.', team: 'growth', ...body });
    expect(created.status).toBe(201);
    expect((await apiCall(page, 'POST', `/api/v1/experiments/${key}/start`)).status).toBe(200);
  };

  it('creates the first account and the growth team', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Ya Xu', name: 'ya', email: 'ya@example.com', password: 'trustworthy-experiments' });
    await createTeamInUi(page, 'growth');
  });

  it('shows each treatment as a forest-plot row with the engine numbers, and the results over time', async () => {
    await create('free-shipping', { variants, metrics: [{ key: 'revenue', name: 'Revenue' }] });
    const events: object[] = [];
    const sums = variants.map(() => ({ n: 0, sum: 0, sumSquares: 0 }));
    for (let i = 0; i < 600; i++) {
      const user = `user-${i}`;
      const v = assign({ key: 'free-shipping', variants }, user).index;
      const value = revenueOf(i, v);
      events.push({ type: 'exposure', id: `x-${i}`, experiment: 'free-shipping', user, timestamp: `${DAYS[i % 3]}T12:00:00Z` });
      events.push({ type: 'metric', id: `r-${i}`, experiment: 'free-shipping', metric: 'revenue', user, value });
      sums[v].n += 1;
      sums[v].sum += value;
      sums[v].sumSquares += value * value;
    }
    const sent = await apiCall(page, 'POST', '/api/v1/events', events);
    expect(sent.body).toMatchObject({ accepted: 1200, rejected: 0 });

    // The numbers the page must show: the engine on the sums counted here (sequential, relative).
    const expected = analyze({ engine: 'sequential', metric: 'mean', difference: 'relative', variants: sums.map((s, i) => ({ name: variants[i].name, ...s })) }).variants.slice(1) as TreatmentResult[];

    await page.goto(`${server.url}/experiments/free-shipping`);
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByText('600 users exposed.').waitFor();
    await expect(page.getByRole('alert', { name: 'Sample ratio mismatch' }).count()).resolves.toBe(0);
    const metric = results.getByRole('region', { name: 'Metric Revenue' });
    await metric.getByText('CUPED off').waitFor();

    const plot = metric.getByRole('img', { name: 'Forest plot: Revenue' });
    await expect(plot.locator('[data-variant]').count()).resolves.toBe(2);
    for (const t of expected) {
      await expect(plot.locator(`[data-variant="${t.name}"]`).getAttribute('aria-label')).resolves.toBe(`${t.name}: ${formatEffect(t.effect)}, interval ${formatInterval(t.ci)}`);
      const row = metric.getByRole('table', { name: 'Results for Revenue' }).getByRole('row').filter({ has: page.getByRole('cell', { name: t.name, exact: true }) });
      await row.getByRole('cell', { name: formatEffect(t.effect), exact: true }).waitFor();
      await row.getByRole('cell', { name: formatInterval(t.ci), exact: true }).waitFor();
      await row.getByRole('cell', { name: formatPValue(t.pValue!), exact: true }).first().waitFor();
    }

    const users = results.getByRole('region', { name: 'Cumulative users' });
    await users.locator('.recharts-line').first().waitFor();
    await expect(users.locator('.recharts-line').count()).resolves.toBe(3);
    await results.getByRole('region', { name: 'Effect over time: Revenue' }).locator('.recharts-area').first().waitFor();
    const daily = await apiCall(page, 'GET', '/api/v1/experiments/free-shipping/results/daily');
    expect((daily.body as { days: { day: string }[] }).days.map((d) => d.day)).toEqual(DAYS);
  });

  it('puts a red banner over results whose split does not match the weights', async () => {
    const split = [
      { name: 'control', weight: 0.5 },
      { name: 'treatment', weight: 0.5 },
    ];
    await create('skewed-split', { variants: split, engine: 'bayesian', metrics: [{ key: 'purchase', name: 'Purchase', aggregation: 'any' }] });
    const arms: string[][] = [[], []];
    for (let i = 0; arms[0].length < 300 || arms[1].length < 200; i++) {
      const v = assign({ key: 'skewed-split', variants: split }, `user-${i}`).index;
      if (arms[v].length < (v === 0 ? 300 : 200)) arms[v].push(`user-${i}`);
    }
    const exposures = arms.flat().map((user) => ({ type: 'exposure', id: `skew-${user}`, experiment: 'skewed-split', user }));
    const purchases = arms.flat().filter((_, i) => i % 4 === 0).map((user) => ({ type: 'metric', id: `buy-${user}`, experiment: 'skewed-split', metric: 'purchase', user }));
    expect((await apiCall(page, 'POST', '/api/v1/events', [...exposures, ...purchases])).body).toMatchObject({ rejected: 0 });
    const api = (await apiCall(page, 'GET', '/api/v1/experiments/skewed-split/results')).body as { metrics: { variants: { chanceToWin: number | null }[] }[] };

    await page.goto(`${server.url}/experiments/skewed-split`);
    const banner = page.getByRole('alert', { name: 'Sample ratio mismatch' });
    await banner.getByText('Sample ratio mismatch: these results must not be trusted').waitFor();
    await banner.getByText('control: 300 users (60.0%, expected 50.0%) · treatment: 200 users (40.0%, expected 50.0%)').waitFor();
    // The Bayesian engine's numbers: chance to win instead of p-values.
    const table = page.getByRole('table', { name: 'Results for Purchase' });
    await table.getByRole('columnheader', { name: 'Chance to win' }).waitFor();
    await table.getByRole('row').filter({ hasText: 'treatment' }).getByRole('cell', { name: formatShare(api.metrics[0].variants[1].chanceToWin), exact: true }).waitFor();
  });

  it('works out the sample size and the days it takes at the current traffic', async () => {
    await page.goto(`${server.url}/experiments`);
    await page.getByRole('link', { name: 'Sample size' }).click();
    await page.getByLabel('Baseline conversion (%)').fill('10');
    await page.getByLabel('Smallest lift worth detecting (%)').fill('5');
    await page.getByLabel('Users per day entering the experiment').fill('2000');
    await page.getByRole('button', { name: 'Calculate' }).click();
    const expected = power({ metric: 'proportion', baseline: 0.1, mde: 0.05, difference: 'relative', alpha: 0.05, power: 0.8, variants: 2, dailyTraffic: 2000 });
    const needed = page.getByRole('region', { name: 'Sample size needed' });
    await needed.getByText(`${new Intl.NumberFormat('en').format(expected.usersPerVariant)} users per variant`).waitFor();
    await needed.getByText(`${new Intl.NumberFormat('en').format(expected.days!)} days at the current traffic`).waitFor();
  });
});
