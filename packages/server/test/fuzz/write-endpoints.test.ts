import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminCaller, dialects, type Caller } from '../harness';
import { createFuzzApp, FUZZ_BODY_LIMIT, type FuzzApp } from './fuzz-app';
import { fuzzOperation } from './fuzz-runner';
import { createWorld, signIn, signUpPeople, worldHints, worldNeeds, type People } from './fuzz-world';
import { loadOpenApi, writeOperations, type OpenApiDocument } from './openapi-operations';
import { fuzzSeed, seedFor } from './fuzz-seed';

// Every write endpoint the OpenAPI document lists, with requests generated from its schema: wrong types, missing
// and extra fields, huge strings, deep nesting, odd Unicode, numbers out of range, empty bodies, other content types.
// None may get a 5xx; none that is refused (4xx) may change a row. Endpoints added later are fuzzed without edits.

/** Columns that change on requests that are then refused, and why (everything else must stay as it was). */
const IGNORED_COLUMNS = new Set([
  // Authentication records when a token was last used (at most once a minute) before the route runs,
  // whatever the route then answers.
  'api_tokens.last_used_at',
]);

/** Cases per endpoint and pass: enough to reach every kind of case, few enough for a few minutes on two cores. */
const RUNS = { admin: 32, member: 12 };

// Nothing leaves the machine even if a fuzzed webhook were delivered.
vi.stubGlobal('fetch', async () => new Response(null, { status: 503 }));

const seed = fuzzSeed();
const discovery = await createFuzzApp('sqlite');
const operations = writeOperations(await loadOpenApi(discovery.app));
await discovery.close();

describe.each(dialects)('every write endpoint of the OpenAPI document, fuzzed, on %s', (dialect) => {
  let fuzz: FuzzApp;
  let doc: OpenApiDocument;
  let people: People;
  beforeAll(async () => {
    fuzz = await createFuzzApp(dialect);
    doc = await loadOpenApi(fuzz.app);
    people = await signUpPeople(fuzz.app, 'fz');
  });
  afterAll(() => fuzz.close());

  it('finds the write endpoints in the document the app serves', () => {
    expect(writeOperations(doc).map((o) => o.key)).toEqual(operations.map((o) => o.key));
    expect(operations.length).toBeGreaterThan(30);
  });

  const passes: { name: 'admin' | 'member'; callers: () => Promise<Caller[]> }[] = [
    // As the admin token, so validation rather than authorisation answers.
    { name: 'admin', callers: async () => [adminCaller] },
    // As plain members with sessions (CSRF included): one in the fixture team, one in no team.
    { name: 'member', callers: () => Promise.all([signIn(fuzz.app, people.insider), signIn(fuzz.app, people.outsider)]) },
  ];

  describe.each(passes)('as $name', (pass) => {
    it.each(operations.map((op) => [op.key, op] as const))('%s: no 5xx, and a refusal changes nothing', async (_key, op) => {
      const callers = await pass.callers();
      const world = await createWorld(fuzz.app, people, callers[0], worldNeeds(op));
      const { failures } = await fuzzOperation({
        fuzz,
        doc,
        op,
        world,
        hints: worldHints(world),
        callers,
        bodyLimit: FUZZ_BODY_LIMIT,
        seed: seedFor(seed, `${pass.name} ${op.key}`),
        runs: RUNS[pass.name],
        ignored: IGNORED_COLUMNS,
      });
      expect(failures).toEqual([]);
    }, 180_000); // room for a busy machine; nothing here measures time
  });
});
