// `npm run test:e2e`: browser flows in Debian's Chromium against a real server.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildWebIfStale } from './web-build.mjs';

const chromium = process.env.DAYONE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Browser tests need Chromium at ${chromium}: run "apt-get install chromium" (or set DAYONE_CHROMIUM).`);
  process.exit(1);
}
buildWebIfStale();
execSync('npx vitest run --config e2e/vitest.config.ts', { stdio: 'inherit', cwd: new URL('..', import.meta.url).pathname });
