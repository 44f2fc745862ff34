import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@dayone/sdk';
import { startServer, type RunningServer } from '@dayone/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-context';

const ADMIN_TOKEN = 'a-long-admin-token-for-tests';

let server: RunningServer;
let dataDir: string;
let catalogDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dayone-import-data-'));
  catalogDir = await mkdtemp(join(tmpdir(), 'dayone-import-catalog-'));
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', adminToken: ADMIN_TOKEN });
  // The services come first in path order; the command still sends the group and the user first.
  await writeFile(
    join(catalogDir, 'a-services.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
spec:
  type: service
  lifecycle: production
  owner: payments
  providesApis: [checkout-api]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
spec:
  type: service
  lifecycle: production
  owner: group:payments
  dependsOn: [component:checkout]
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
`,
  );
  await writeFile(
    join(catalogDir, 'b-org.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  description: Take money safely
spec:
  type: team
  profile:
    displayName: Payments
  children: []
  members: [ada]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ada
spec:
  profile:
    displayName: Ada Lovelace
    email: ada@example.com
  memberOf: [payments]
`,
  );
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(catalogDir, { recursive: true, force: true });
});

describe('dayone import backstage against a real server', () => {
  it('imports a folder, links the team, and reports everything unchanged the second time', async () => {
    const argv = ['import', 'backstage', catalogDir, '--url', server.url, '--token', ADMIN_TOKEN];

    const first = await runCaptured([...argv, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ created: 5, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
    const services = join(catalogDir, 'a-services.yaml');
    const org = join(catalogDir, 'b-org.yaml');
    expect(report.results).toEqual([
      { file: services, document: 1, ref: 'component:default/checkout', status: 'created' },
      { file: services, document: 2, ref: 'component:default/cart', status: 'created' },
      { file: services, document: 3, ref: 'api:default/checkout-api', status: 'created' },
      { file: org, document: 1, ref: 'group:default/payments', status: 'created' },
      { file: org, document: 2, ref: 'user:default/ada', status: 'created' },
    ]);

    const team = await createClient({ url: server.url, token: ADMIN_TOKEN }).teams.get('payments');
    expect(team).toMatchObject({ displayName: 'Payments', mission: 'Take money safely', members: [{ name: 'ada' }] });

    const second = await runCaptured(argv);
    expect(second).toEqual({
      code: 0,
      stdout: '5 documents from 2 files: 0 created, 0 updated, 5 unchanged, 0 rejected, 0 skipped\n',
      stderr: '',
    });
  });
});
