import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from './cli-context';
import { runCaptured } from './capture-context';
import { closedPort, FAKE_TOKEN, startFakeDayOne, type FakeDayOne } from './fake-dayone-server';

let server: FakeDayOne;
let env: Record<string, string>;
let dir: string;

beforeEach(async () => {
  server = await startFakeDayOne();
  env = { DAYONE_URL: server.url, DAYONE_TOKEN: FAKE_TOKEN };
  dir = await mkdtemp(join(tmpdir(), 'dayone-import-'));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes files (path inside `dir` -> content) and returns `dir`. */
async function tree(files: Record<string, string>): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

const doc = (kind: string, name: string, spec = 'owner: payments') =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  ${spec}\n`;
const docs = (...list: string[]) => list.join('---\n');

/** "Kind:name" of every document of every import request, one list per request. */
const sent = (fake: FakeDayOne) =>
  fake.imports.map(({ body }) =>
    parseAllDocuments(body).map((d) => {
      const value = d.toJS() as { kind: string; metadata: { name: string } };
      return `${value.kind}:${value.metadata.name}`;
    }),
  );

const importJson = async (path: string, extra: string[] = []) => {
  const run = await runCaptured(['import', 'backstage', path, '--json', ...extra], env);
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : undefined };
};

describe('dayone import backstage', () => {
  it('walks a folder recursively in path order, skipping node_modules, dot-folders and other files', async () => {
    await tree({
      'b.yaml': doc('Component', 'b'),
      'a/z.yml': doc('Component', 'az'),
      'a/deeper/c.YAML': doc('Component', 'c'),
      'node_modules/pkg/catalog-info.yaml': doc('Component', 'from-node-modules'),
      '.github/catalog-info.yaml': doc('Component', 'from-dot-folder'),
      'README.md': '# not YAML',
      'notes.txt': doc('Component', 'from-txt'),
    });
    const { code, report } = await importJson(dir);
    expect(code).toBe(0);
    expect(sent(server)).toEqual([['Component:c', 'Component:az', 'Component:b']]);
    expect(report.results.map((r: { file: string }) => r.file)).toEqual([
      join(dir, 'a/deeper/c.YAML'),
      join(dir, 'a/z.yml'),
      join(dir, 'b.yaml'),
    ]);
  });

  it('takes a single file of any name', async () => {
    await tree({ 'catalog.txt': docs(doc('Component', 'a'), doc('API', 'b')) });
    const { code, report } = await importJson(join(dir, 'catalog.txt'));
    expect(code).toBe(0);
    expect(report.created).toBe(2);
  });

  it('sends every User and Group first in one request, then the rest in batches of --batch-size', async () => {
    await tree({
      '1-services.yaml': docs(doc('Component', 'a'), doc('Group', 'payments', 'type: team'), doc('Component', 'b')),
      '2-org.yaml': docs(doc('User', 'ada', 'memberOf: [payments]'), doc('API', 'c'), doc('Resource', 'd')),
      '3-more.yaml': docs(doc('group', 'platform', 'children: [payments]'), doc('System', 'e')),
    });
    const run = await runCaptured(['import', 'backstage', dir, '--batch-size', '2'], env);
    expect(run.code).toBe(0);
    expect(sent(server)).toEqual([
      ['Group:payments', 'User:ada', 'group:platform'],
      ['Component:a', 'Component:b'],
      ['API:c', 'Resource:d'],
      ['System:e'],
    ]);
    expect(server.imports.every((request) => request.contentType === 'application/yaml')).toBe(true);
  });

  it('sends up to 200 documents per request by default', async () => {
    const many = Array.from({ length: 450 }, (_, i) => doc('Component', `c${i}`));
    await tree({ 'many.yaml': docs(...many) });
    const { code, report } = await importJson(dir);
    expect(code).toBe(0);
    expect(sent(server).map((request) => request.length)).toEqual([200, 200, 50]);
    expect(report.created).toBe(450);
  });

  it('maps every result back to its file and document number, counting empty documents', async () => {
    server.importVerdict = (d) =>
      (d.metadata as { name: string }).name === 'bad-api' ? { status: 'rejected', reason: 'spec.definition: is required for a API' } : undefined;
    await tree({
      // document 1 is only a comment, document 3 is empty: neither is sent, both count.
      'a.yaml': `# header\n---\n# nothing here\n---\n${doc('Component', 'a')}---\n---\n${doc('Template', 'new-service')}`,
      'b.yaml': docs(doc('User', 'ada', 'memberOf: []'), doc('API', 'bad-api'), `kind: Component\nmetadata: {}\n`),
    });
    const { code, report } = await importJson(dir, ['--batch-size', '1']);
    expect(code).toBe(1);
    expect(report).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      skipped: 1,
      results: [
        { file: join(dir, 'a.yaml'), document: 2, ref: 'component:default/a', status: 'created' },
        {
          file: join(dir, 'a.yaml'),
          document: 4,
          ref: 'template:default/new-service',
          status: 'skipped',
          reason: 'kind Template is not one Day One keeps',
        },
        { file: join(dir, 'b.yaml'), document: 1, ref: 'user:default/ada', status: 'created' },
        {
          file: join(dir, 'b.yaml'),
          document: 2,
          ref: 'api:default/bad-api',
          status: 'rejected',
          reason: 'spec.definition: is required for a API',
        },
        { file: join(dir, 'b.yaml'), document: 3, ref: null, status: 'rejected', reason: 'metadata.name: is required' },
      ],
    });
    expect(sent(server)[0]).toEqual(['User:ada']);
  });

  it('prints totals and one line per rejected or skipped document, and exits 1 when one was rejected', async () => {
    await tree({
      'catalog-info.yaml': docs(doc('Component', 'a'), doc('Location', 'root'), `kind: API\nmetadata:\n  title: nameless\n`),
      'team.yaml': doc('Group', 'payments', 'type: team'),
    });
    const run = await runCaptured(['import', 'backstage', dir], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const file = join(dir, 'catalog-info.yaml');
    const row = (...cells: string[]) =>
      [cells[0].padEnd(`${file}:1`.length), cells[1].padEnd('location:default/root'.length), cells[2].padEnd(8), cells[3]].join('  ');
    expect(run.stdout.split('\n')).toEqual([
      '4 documents from 2 files: 2 created, 0 updated, 0 unchanged, 1 rejected, 1 skipped',
      '',
      row('DOCUMENT', 'REF', 'STATUS', 'REASON'),
      row(`${file}:2`, 'location:default/root', 'skipped', 'kind Location is not one Day One keeps'),
      row(`${file}:3`, '-', 'rejected', 'metadata.name: is required'),
      '',
    ]);
    // The rest was still imported.
    expect([...server.catalog.keys()].sort()).toEqual(['component:default/a', 'group:default/payments']);
  });

  it('exits 0 and reports unchanged documents when importing the same files again', async () => {
    await tree({ 'catalog-info.yaml': docs(doc('Component', 'a'), doc('Group', 'g', 'type: team')) });
    expect((await runCaptured(['import', 'backstage', dir], env)).code).toBe(0);
    const again = await runCaptured(['import', 'backstage', dir], env);
    expect(again).toEqual({
      code: 0,
      stdout: '2 documents from 1 file: 0 created, 0 updated, 2 unchanged, 0 rejected, 0 skipped\n',
      stderr: '',
    });
  });

  it('reports YAML that does not parse with file, document and line, and sends nothing', async () => {
    await tree({
      'good.yaml': doc('Component', 'a'),
      'bad.yaml': docs(doc('Component', 'b'), 'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: c}}\n'),
    });
    const run = await runCaptured(['import', 'backstage', dir, '--json'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `error: ${join(dir, 'bad.yaml')}: document 2, line 10, column 20: Unexpected flow-map-end token in YAML stream: "}"\n` +
        'Nothing was imported: fix the YAML and run the command again.\n',
    );
    expect(server.requests).toEqual([]);
  });

  it('exits 2 when the server cannot be reached', async () => {
    await tree({ 'catalog-info.yaml': doc('Component', 'a') });
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCaptured(['import', 'backstage', dir, '--url', url, '--token', 't']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cannot reach Day One at ${url}/api/v1/catalog/import`);
    expect(run.stdout).toBe('');
  });

  it('exits 1 with the server refusal (a bad token), sending one request', async () => {
    await tree({ 'catalog-info.yaml': doc('Component', 'a') });
    const run = await runCaptured(['import', 'backstage', dir], { ...env, DAYONE_TOKEN: 'wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('AUTH_REQUIRED, HTTP 401');
    expect(server.requests).toEqual(['POST /api/v1/catalog/import']);
  });

  it('says how much was imported when a later request fails', async () => {
    server.failImportRequest = 2;
    await tree({ 'catalog-info.yaml': docs(doc('Group', 'g', 'type: team'), doc('Component', 'a'), doc('Component', 'b')) });
    const run = await runCaptured(['import', 'backstage', dir, '--batch-size', '1'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: Something went wrong. (INTERNAL, HTTP 500)\n' +
        'note: the server had handled 1 of 3 documents before the error; what it imported stays imported, and importing again is safe.\n',
    );
    expect(server.imports).toHaveLength(2);
  });

  it('halves a batch the server finds too large, and rejects a document too large on its own', async () => {
    const huge = doc('API', 'huge', `definition: "${'x'.repeat(2000)}"`);
    await tree({ 'catalog-info.yaml': docs(doc('Component', 'a'), huge, doc('Component', 'b'), doc('Component', 'c')) });
    server.bodyLimit = 1000;
    const { code, report } = await importJson(dir);
    expect(code).toBe(1);
    expect(report.results.map((r: { ref: string; status: string }) => `${r.ref} ${r.status}`)).toEqual([
      'component:default/a created',
      'api:default/huge rejected',
      'component:default/b created',
      'component:default/c created',
    ]);
    expect(report.results[1].reason).toBe('too large for one request to the server (The request body is too large)');
  });

  it('does not split the users and groups when the server finds them too large, and says why', async () => {
    await tree({ 'org.yaml': docs(doc('Group', 'g', `type: "${'x'.repeat(2000)}"`), doc('User', 'ada', 'memberOf: [g]')) });
    server.bodyLimit = 1000;
    const run = await runCaptured(['import', 'backstage', dir], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: The request body is too large (BODY_TOO_LARGE, HTTP 413)\n' +
        "hint: the 2 users and groups go in one request so that teams link up; raise the server's DAYONE_BODY_LIMIT.\n",
    );
    expect(server.imports).toHaveLength(1);
  });

  it('imports nothing and exits 0 when the files hold no documents', async () => {
    await tree({ 'empty.yaml': '# nothing yet\n' });
    const run = await runCaptured(['import', 'backstage', dir], env);
    expect(run).toMatchObject({ code: 0, stdout: '0 documents from 1 file: 0 created, 0 updated, 0 unchanged, 0 rejected, 0 skipped\n' });
    expect(server.requests).toEqual([]);
  });

  it('exits 2 on misuse: a missing path, a folder without YAML, a bad --batch-size', async () => {
    const missing = await runCaptured(['import', 'backstage', join(dir, 'nope')], env);
    expect(missing).toMatchObject({ code: 2, stderr: `error: no such file or folder: ${join(dir, 'nope')}\n` });
    await tree({ 'README.md': '# no catalog here' });
    const empty = await runCaptured(['import', 'backstage', dir], env);
    expect(empty).toMatchObject({ code: 2, stderr: `error: no .yaml or .yml files in ${dir}\n` });
    for (const size of ['0', '-1', '2.5', 'ten']) {
      const bad = await runCaptured(['import', 'backstage', dir, '--batch-size', size], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('expected a whole number of documents, 1 or more');
    }
    expect(server.requests).toEqual([]);
  });

  it('draws progress only through ctx.startProgress, over the number of documents', async () => {
    await tree({ 'catalog-info.yaml': docs(doc('Group', 'g', 'type: team'), doc('Component', 'a'), doc('Component', 'b'), doc('API', 'c')) });
    const events: string[] = [];
    const startProgress = (total: number, unit: string): Progress => {
      events.push(`start ${total} ${unit}`);
      return { update: (done) => void events.push(`update ${done}`), stop: () => void events.push('stop') };
    };
    const run = await runCaptured(['import', 'backstage', dir, '--batch-size', '2'], env, { startProgress });
    expect(run.code).toBe(0);
    expect(events).toEqual(['start 4 documents', 'update 1', 'update 3', 'update 4', 'stop']);
    expect(run.stderr).toBe('');
  });
});
