/** `npm run demo`, first half: makes sure the demo folder holds a generated organisation (generating
 *  it when the folder is new), then exits; scripts/demo.mjs serves the folder as `npm start` does.
 *  Usage: node --import tsx packages/server/src/demo/run-demo.ts [folder] */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateDemo, type DemoResult } from './generate-demo';
import { DEMO_SEED, FULL_DEMO } from './demo-size';

const MARKER = 'demo.json';

async function main(): Promise<number> {
  const folder = resolve(process.argv[2] ?? './data-demo');
  const marker = join(folder, MARKER);
  if (existsSync(marker)) {
    const demo = JSON.parse(readFileSync(marker, 'utf8')) as DemoResult;
    console.log(`Serving the demo organisation in ${folder} (delete the folder to generate it again).`);
    printSignIn(demo);
    return 0;
  }
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    console.error(`error: ${folder} holds something other than a finished demo (an interrupted generation?). Delete the folder and run npm run demo again.`);
    return 1;
  }
  mkdirSync(folder, { recursive: true });
  // The demo is its own embedded database, whatever the environment says about the usual one.
  for (const name of ['DAYONE_DATABASE_URL', 'DAYONE_DATABASE_SCHEMA', 'DAYONE_DECISION_WINDOW', 'DAYONE_PUBLIC_URL']) delete process.env[name];
  const began = Date.now();
  // Stopped half-way, the folder would hold half an organisation: remove it, so the next run starts over.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      rmSync(folder, { recursive: true, force: true });
      console.error('Stopped; the half-made demo was removed.');
      process.exit(130);
    });
  }
  try {
    const demo = await generateDemo({ dataDir: folder }, { size: FULL_DEMO, seed: DEMO_SEED, log: (line) => console.log(line) });
    writeFileSync(marker, JSON.stringify({ ...demo, generatedAt: new Date().toISOString(), seed: DEMO_SEED }, null, 2) + '\n');
    console.log(`Generated the demo organisation in ${Math.round((Date.now() - began) / 1000)} s (${demo.requests} API requests).`);
    printSignIn(demo);
    return 0;
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    console.error(`error: generating the demo failed: ${(error as Error).stack ?? error}`);
    return 1;
  }
}

function printSignIn(demo: DemoResult) {
  console.log(`Sign in as the admin: ${demo.admin.email} / ${demo.admin.password}`);
  console.log(`(everyone who acts in the demo signed up with the same password; see docs/demo.md)`);
}

process.exit(await main());
