// `npm run demo`: a generated demo organisation in ./data-demo (made on the first run, kept after),
// served like `npm start`: the web app and the API on http://localhost:4000 (PORT overrides).
// Arguments are passed to `dayone serve`. Delete ./data-demo to start over.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './web-build.mjs';

const folder = resolve('data-demo');
buildWebIfStale();
const generator = fileURLToPath(new URL('../packages/server/src/demo/run-demo.ts', import.meta.url));
const made = spawnSync(process.execPath, ['--import', 'tsx', generator, folder], { stdio: 'inherit' });
if (made.status !== 0) process.exit(made.status ?? 1);

const bin = fileURLToPath(new URL('../packages/cli/bin/dayone.js', import.meta.url));
// The demo is its own embedded database, whatever the environment says about the usual one.
const env = { ...process.env, DAYONE_DATA_DIR: folder, DAYONE_DATABASE_URL: '', DAYONE_DATABASE_SCHEMA: '' };
const child = spawn(process.execPath, [bin, 'serve', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
