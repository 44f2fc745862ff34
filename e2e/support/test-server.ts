import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '@dayone/server';

export const webDist = fileURLToPath(new URL('../../packages/web/dist', import.meta.url));

export type TestServer = { url: string; close(): Promise<void> };

/** The real server on a random port, with a fresh embedded database, serving the built web app. */
export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error('Build the web app first: npm run build -w @dayone/web');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'dayone-e2e-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, webDist, logLevel: 'warn' });
  return {
    url: server.url,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates an account over the API (open sign-up), as a colleague would by themselves. */
export async function signUpOverApi(url: string, name: string, displayName: string): Promise<void> {
  const response = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${name}@example.com`, password: 'correct horse battery', name, displayName }),
  });
  if (response.status !== 201) throw new Error(`sign-up of ${name} failed: ${response.status} ${await response.text()}`);
}
