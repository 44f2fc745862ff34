import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamInUi, setupFirstAccount } from './support/accounts';
import { apiCall } from './support/api';
import { desktopViewport, pick } from './support/browser';
import { closeBrowserSuite, startBrowserSuite } from './support/suite';
import type { TestServer } from './support/test-server';

/** Two components of team payments, one depending on the other and on a resource nobody registered, and an API. */
const catalogInfo = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  title: Checkout
  description: Takes the customer's money.
spec:
  type: service
  lifecycle: production
  owner: payments
  dependsOn:
    - component:cart
    - resource:ledger-db
  providesApis:
    - checkout-api
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
spec:
  type: service
  lifecycle: production
  owner: payments
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: checkout-api
spec:
  type: openapi
  lifecycle: production
  owner: payments
  definition: |
    openapi: 3.0.0
    info: { title: Checkout, version: 1.0.0 }
    paths: {}
`;

describe('the service catalog in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await startBrowserSuite(desktopViewport));
  });

  afterAll(() => closeBrowserSuite({ server, browser }));

  it('creates the first account and the payments team', async () => {
    await setupFirstAccount(page, server.url, { displayName: 'Grace Hopper', name: 'grace', email: 'grace@example.com', password: 'compiler-first-1952' });
    await createTeamInUi(page, 'payments');
  });

  it('imports a pasted catalog-info.yaml and shows what was created', async () => {
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();
    await page.getByText('The catalog is empty.').waitFor();
    await page.getByRole('link', { name: 'Import YAML' }).click();

    await page.getByLabel('catalog-info.yaml').fill(catalogInfo);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const summary = page.getByRole('region', { name: 'Import summary' });
    await summary.getByLabel('Created: 3').waitFor();
    await expect(summary.getByLabel('Rejected: 0').isVisible()).resolves.toBe(true);
    const results = page.getByRole('table', { name: 'Import results' });
    await expect(results.getByRole('row').count()).resolves.toBe(4); // a header and one row per document
  });

  it('shows a component with its owner team and its dangling dependency', async () => {
    await page.getByRole('table', { name: 'Import results' }).getByRole('link', { name: 'component:checkout' }).click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();

    const owner = page.getByRole('link', { name: 'payments', exact: true });
    await expect(owner.getAttribute('href')).resolves.toBe('/teams/payments');

    const dependsOn = page.getByRole('region', { name: 'Depends on', exact: true });
    await dependsOn.getByRole('link', { name: 'component:cart' }).waitFor();
    await dependsOn.getByText('resource:ledger-db').waitFor();
    await dependsOn.getByText('not in the catalog', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Provides APIs' }).getByRole('link', { name: 'api:checkout-api' }).waitFor();
    await page.getByRole('region', { name: 'Andon status' }).getByText('Deploy gate open').waitFor();
  });

  it('lists what the team owns as links to the entities', async () => {
    await page.getByRole('link', { name: 'payments', exact: true }).click();
    await page.getByRole('heading', { name: 'Owns (3)' }).waitFor();
    await page.getByRole('link', { name: 'cart', exact: true }).click();
    await page.getByRole('heading', { name: 'cart' }).waitFor();
    await page.getByRole('link', { name: 'Checkout (component:checkout)' }).waitFor(); // depended on by
  });

  it('draws the dependency graph around a focus entity and highlights a selected node', async () => {
    await page.getByRole('link', { name: 'Architecture', exact: true }).click();
    await page.getByRole('heading', { name: 'Architecture' }).waitFor();
    await page.getByLabel('Entities: 3').waitFor();
    await page.getByText('References to things not in the catalog').waitFor();

    await pick(page, page.getByRole('combobox', { name: 'Focus entity' }), 'checkout', 'Checkout (component:checkout)');
    const graph = page.getByRole('region', { name: 'Dependency graph' });
    await graph.getByText('Checkout', { exact: true }).waitFor();
    await graph.getByText('cart', { exact: true }).waitFor();
    await graph.getByText('ledger-db', { exact: true }).waitFor();
    await graph.getByText('checkout-api', { exact: true }).waitFor();
    await expect(graph.locator('.react-flow__edge').count()).resolves.toBe(3);

    await graph.getByText('cart', { exact: true }).click();
    const selected = page.getByRole('region', { name: 'Selected entity' });
    await selected.getByText('component:cart').waitFor();
    await expect(selected.getByRole('link', { name: 'Open entity page' }).getAttribute('href')).resolves.toBe('/catalog/component/default/cart');
  });

  it('registers the missing resource with the form, which resolves the dangling reference', async () => {
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('link', { name: 'Register entity' }).click();
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Resource', exact: true }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('ledger-db');
    await pick(page, page.getByRole('combobox', { name: 'Owner team' }), 'pay', 'payments');
    const dependsOn = page.getByRole('combobox', { name: 'Depends on' });
    await dependsOn.fill('cart'); // no kind: the server says which item is wrong, next to the field
    await dependsOn.press('Enter');
    await page.getByRole('button', { name: 'Register entity' }).click();
    await page.getByText('item 1: "cart" needs a kind here').waitFor();

    await dependsOn.press('Backspace'); // removes the last reference
    await dependsOn.fill('component:cart');
    await dependsOn.press('Enter');
    await page.getByRole('button', { name: 'Register entity' }).click();
    await page.getByRole('heading', { name: 'ledger-db' }).waitFor();
    await page.getByRole('region', { name: 'Depends on', exact: true }).getByRole('link', { name: 'component:cart' }).waitFor();

    await page.goto(`${server.url}/catalog/component/default/checkout`);
    const dependsOnSection = page.getByRole('region', { name: 'Depends on', exact: true });
    await dependsOnSection.getByRole('link', { name: 'resource:ledger-db' }).waitFor();
    await expect(dependsOnSection.getByText('not in the catalog').count()).resolves.toBe(0);
  });

  it('edits with If-Match, and after a concurrent change offers a reload instead of overwriting', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Checkout service');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Checkout service' }).waitFor();

    // Someone else changes it while this page still shows version 2.
    const patched = await apiCall(page, 'PATCH', '/api/v1/catalog/entities/component/default/checkout', { tier: '1' }, 2);
    expect(patched.status).toBe(200);

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Description').fill('Takes the money, once.');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Someone else changed this entity').waitFor();
    await dialog.getByRole('button', { name: 'Reload entity' }).click();
    await dialog.getByLabel('Description').fill('Takes the money, once.');
    await expect(dialog.getByLabel('Tier').inputValue()).resolves.toBe('1');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Takes the money, once.').waitFor();
    await page.getByText('tier 1').waitFor();
  });

  it('retires an entity after confirmation; references to it become dangling', async () => {
    await page.goto(`${server.url}/catalog/api/default/checkout-api`);
    await page.getByRole('button', { name: 'Retire' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, retire it' }).click();
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();

    await page.goto(`${server.url}/catalog/component/default/checkout`);
    const provides = page.getByRole('region', { name: 'Provides APIs' });
    await provides.getByText('api:checkout-api').waitFor();
    await provides.getByText('not in the catalog', { exact: true }).waitFor();
  });
});
