// `npm start`: build the web app if needed, then run `dayone serve` (arguments are passed through).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './web-build.mjs';

buildWebIfStale();
const bin = fileURLToPath(new URL('../packages/cli/bin/dayone.js', import.meta.url));
const child = spawn(process.execPath, [bin, 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
