import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '@dayone/sdk';
import { eventLine } from '@dayone/contracts';
import { createEventLineReader, parseEventLine, BatchEvent } from '../src/capabilities/experiments/event-line';
import { readEventArray, readNdjson } from '../src/capabilities/experiments/event-ingest';
import { createBulkWriter } from '../src/platform/db/bulk-writer';
import { adminCaller, call, createTestApp, dialects, signUp, type TestApp } from './harness';

/** What the schema says of a line, as the ingestion words it: the event, or `path: message; …`. */
function bySchema(input: unknown) {
  const parsed = eventLine.safeParse(input);
  return parsed.success ? { event: parsed.data } : { reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') };
}

const exposure = { type: 'exposure', id: 'e-1', experiment: 'checkout-button', user: 'user-1' };
const metric = { type: 'metric', id: 'm-1', experiment: 'checkout-button', metric: 'revenue', user: 'user-1', value: 12.5 };

/** Good lines in the shapes clients send, and bad ones: each field wrong in each way it can be. */
const LINES: unknown[] = [
  exposure,
  metric,
  { ...metric, value: -3 },
  { ...metric, value: 0 },
  { ...metric, value: 1e300 },
  { ...metric, value: undefined },
  { type: 'metric', id: 'm-2', experiment: 'checkout-button', metric: 'clicks', user: 'user-1' },
  { ...metric, preExposure: true },
  { ...metric, preExposure: false },
  { ...exposure, timestamp: '2026-11-20T10:00:00Z' },
  { ...exposure, timestamp: '2026-11-20T10:00:00.123+02:00' },
  { ...metric, timestamp: '2026-11-20T10:00:00.5Z', preExposure: true },
  { ...exposure, experiment: 'a.b_c-d9' },
  { ...exposure, id: 'x'.repeat(200), user: 'u'.repeat(200) },
  { ...exposure, experiment: 'e'.repeat(100) },
  // not numbers, or not finite ones
  { ...metric, value: 'NaN' },
  { ...metric, value: 'Infinity' },
  { ...metric, value: '12' },
  { ...metric, value: Infinity },
  { ...metric, value: -Infinity },
  { ...metric, value: NaN },
  { ...metric, value: null },
  { ...metric, value: true },
  { ...metric, value: [1] },
  { ...metric, value: { n: 1 } },
  // missing fields
  { type: 'exposure', experiment: 'checkout-button', user: 'user-1' },
  { type: 'exposure', id: 'e-1', user: 'user-1' },
  { type: 'exposure', id: 'e-1', experiment: 'checkout-button' },
  { type: 'metric', id: 'm-1', experiment: 'checkout-button', user: 'user-1', value: 1 },
  { id: 'e-1', experiment: 'checkout-button', user: 'user-1' },
  {},
  // unknown fields
  { ...exposure, value: 1 },
  { ...exposure, metric: 'revenue' },
  { ...exposure, preExposure: true },
  { ...metric, extra: 1 },
  { ...metric, Value: 1 },
  JSON.parse('{"type":"exposure","id":"e-1","experiment":"checkout-button","user":"user-1","__proto__":{"x":1}}'),
  { ...metric, constructor: 'x' },
  // wrong types and values
  { ...exposure, type: 'click' },
  { ...exposure, type: 'Exposure' },
  { ...exposure, type: 1 },
  { ...exposure, id: 17 },
  { ...exposure, id: '' },
  { ...exposure, id: 'x'.repeat(201) },
  { ...exposure, user: null },
  { ...exposure, user: '' },
  { ...exposure, user: 'u'.repeat(201) },
  { ...exposure, experiment: 'Checkout' },
  { ...exposure, experiment: 'checkout..button' },
  { ...exposure, experiment: '-checkout' },
  { ...exposure, experiment: 'checkout button' },
  { ...exposure, experiment: '' },
  { ...exposure, experiment: 'e'.repeat(101) },
  { ...exposure, experiment: 42 },
  { ...metric, metric: 'Revenue' },
  { ...metric, metric: null },
  { ...metric, preExposure: 'yes' },
  { ...metric, preExposure: 1 },
  { ...metric, preExposure: null },
  { ...exposure, timestamp: 'yesterday' },
  { ...exposure, timestamp: '2026-11-20' },
  { ...exposure, timestamp: '2026-11-20T10:00:00' },
  { ...exposure, timestamp: 1732096800000 },
  { ...exposure, timestamp: null },
  { ...metric, value: 'lots', preExposure: 'yes', extra: true },
  // not objects
  null,
  42,
  'exposure',
  true,
  [exposure],
];

describe('the event line reader', () => {
  it('accepts only what the schema accepts, reads it as the schema does, and leaves the rest to the schema', () => {
    const read = createEventLineReader();
    let fast = 0;
    for (const input of LINES) {
      const expected = bySchema(input);
      const got = read(input);
      if (got) {
        fast++;
        expect(expected.event, JSON.stringify(input)).toBeDefined();
        const e = expected.event!;
        expect({ ...got }).toEqual({
          type: e.type,
          id: e.id,
          experiment: e.experiment,
          metric: e.type === 'metric' ? e.metric : null,
          user: e.user,
          value: e.type === 'metric' ? e.value : 1,
          preExposure: e.type === 'metric' ? e.preExposure : false,
          timestamp: e.timestamp,
        });
      }
      // Whatever the reader leaves, the schema answers: the same event, or its reasons.
      const slow = parseEventLine(input);
      if (expected.event) expect(slow).toBeInstanceOf(BatchEvent);
      else expect(slow).toEqual({ reason: expected.reason });
    }
    // The usual shapes take the fast path.
    expect(fast).toBe(15);
  });

  it('gives every bad line the schema reasons, through NDJSON and JSON arrays alike', () => {
    const text = LINES.map((l) => JSON.stringify(l) ?? 'undefined').join('\n');
    for (const batch of [readNdjson(text), readEventArray(LINES.map((l) => (l === undefined ? null : JSON.parse(JSON.stringify(l)))))]) {
      expect(batch.events).toHaveLength(LINES.length);
      batch.events.forEach((event, i) => {
        const expected = bySchema(JSON.parse(JSON.stringify(LINES[i]) ?? 'null'));
        if (expected.event) expect(event).toBeInstanceOf(BatchEvent);
        else expect(event).toMatchObject({ reason: expected.reason });
      });
    }
  });

  it('refuses numbers that JSON reads as infinite, as the schema does', () => {
    const line = '{"type":"metric","id":"m-9","experiment":"checkout-button","metric":"revenue","user":"user-1","value":-1e400}';
    const batch = readNdjson(line);
    expect(batch.events[0]).toEqual({ id: 'm-9', reason: bySchema(JSON.parse(line)).reason });
    expect(bySchema(JSON.parse(line)).reason).toMatch(/^value: /);
  });

  it('numbers NDJSON lines as the file does: blank lines and CR LF endings count, and the limit stops reading', () => {
    const line = JSON.stringify(exposure);
    const batch = readNdjson(`\n${line}\r\n   \n{oops\r\n\n${line}\n\n`);
    expect(batch.lines).toEqual([2, 4, 6]);
    expect(batch.events[1]).toEqual({ id: null, reason: 'is not valid JSON' });
    expect(readNdjson('').lines).toEqual([]);
    expect(readNdjson(`${line}\n${line}\n${line}`, 2).more).toBe(true);
    expect(readNdjson(`${line}\n\n${line}\n`, 2).more).toBe(false);
    expect(readEventArray([1, 2, 3], 2).more).toBe(true);
  });
});

const variants = [
  { name: 'control', weight: 0.3 },
  { name: 'b', weight: 0.3 },
  { name: 'c', weight: 0.4 },
];
const metrics = [
  { key: 'revenue', aggregation: 'sum' },
  { key: 'clicks', aggregation: 'count' },
  { key: 'purchase', aggregation: 'any', cuped: true },
] as const;

type Sent = Record<string, unknown>;

describe.each(dialects)('event ingestion on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await signUp(t.app, 'root');
    await call(t.app, adminCaller, 'POST', '/api/v1/teams', { name: 'growth' });
    for (const [key, coverage] of [['ingest-a', 1], ['ingest-b', 0.7]] as const) {
      const created = await call(t.app, adminCaller, 'POST', '/api/v1/experiments', { key, hypothesis: 'Rollups follow the events.', team: 'growth', variants, metrics, coverage });
      expect(created.status).toBe(201);
      await call(t.app, adminCaller, 'POST', `/api/v1/experiments/${key}/start`);
    }
  });
  afterAll(() => t.close());

  it('answers bad lines with the schema reasons, by line number, and records the good ones', async () => {
    const text = ['', ...LINES.map((l) => JSON.stringify(l) ?? 'null')].join('\n');
    const res = await call(t.app, adminCaller, 'POST', '/api/v1/events', text, { 'content-type': 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(LINES.length);
    res.body.results.forEach((r: { line: number; id: string | null; status: string; reason?: string }, i: number) => {
      expect(r.line).toBe(i + 2);
      const sent = JSON.parse(JSON.stringify(LINES[i]) ?? 'null');
      const expected = bySchema(sent);
      if (expected.reason) expect(r).toEqual({ line: i + 2, id: typeof sent?.id === 'string' ? sent.id : null, status: 'rejected', reason: expected.reason });
      // Good lines name an experiment that does not exist (or is not running) but for `checkout-button`.
      else expect(r.reason ?? r.status).toMatch(/accepted|duplicate|no experiment has the key|no metric/);
    });
    expect(res.body.accepted + res.body.duplicate + res.body.rejected).toBe(LINES.length);
  });

  it('refuses a batch of more than 50,000 events as a whole, and takes 50,000 with blank lines between', async () => {
    const tooMany = await call(t.app, adminCaller, 'POST', '/api/v1/events', Array(50_001).fill('{}').join('\n'), { 'content-type': 'application/x-ndjson' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
    const asArray = await call(t.app, adminCaller, 'POST', '/api/v1/events', Array(50_001).fill({}));
    expect(asArray.status).toBe(400);
    const full = await call(t.app, adminCaller, 'POST', '/api/v1/events', Array(50_000).fill('{}').join('\n\n'), { 'content-type': 'application/x-ndjson' });
    expect(full.status).toBe(200);
    expect(full.body.rejected).toBe(50_000);
    expect(full.body.results.at(-1)).toEqual({ line: 99_999, id: null, status: 'rejected', reason: bySchema({}).reason });
  });

  it('keeps rollups equal to what the accepted events say, over batches with duplicates, covariates and many days', async () => {
    // A reference worked out from the events alone, by the documented rules.
    type Values = { y: number; events: number; x: number; xEvents: number };
    const exposed = new Map<string, { variant: number; day: string }>();
    const values = new Map<string, Values>();
    const apply = (e: Sent) => {
      const who = `${e.experiment}|${e.user}`;
      if (e.type === 'exposure') {
        if (!exposed.has(who)) exposed.set(who, { variant: assign({ key: e.experiment as string, variants, coverage: e.experiment === 'ingest-b' ? 0.7 : 1 }, e.user as string).index, day: new Date(e.timestamp as string).toISOString().slice(0, 10) });
        return;
      }
      if (!exposed.has(who) && !e.preExposure) return;
      const aggregation = metrics.find((m) => m.key === e.metric)!.aggregation;
      const key = `${who}|${e.metric}`;
      const v = values.get(key) ?? { y: 0, events: 0, x: 0, xEvents: 0 };
      const value = (e.value as number | undefined) ?? 1;
      if (e.preExposure) {
        v.xEvents++;
        v.x = aggregation === 'sum' ? v.x + value : aggregation === 'count' ? v.xEvents : 1;
      } else {
        v.events++;
        v.y = aggregation === 'sum' ? v.y + value : aggregation === 'count' ? v.events : 1;
      }
      values.set(key, v);
    };

    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)];
    const sentIds: string[] = [];
    let next = 0;
    const batches: Sent[][] = [];
    const accepted = new Map<string, Sent>();
    for (let b = 0; b < 6; b++) {
      const batch: Sent[] = [];
      for (let i = 0; i < 400; i++) {
        const experiment = pick(['ingest-a', 'ingest-b']);
        const user = `u${Math.floor(random() * 90)}`;
        // Some ids come again, within the batch or from an earlier one.
        const id = random() < 0.08 && sentIds.length ? pick(sentIds) : `ev-${next++}`;
        sentIds.push(id);
        if (random() < 0.3) {
          // Exposures carry times: up to a few dozen different ones in a batch, over several days.
          batch.push({ type: 'exposure', id, experiment, user, timestamp: `2026-11-${String(10 + Math.floor(random() * 5)).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z` });
        } else {
          const event: Sent = { type: 'metric', id, experiment, metric: pick(metrics).key, user };
          if (random() < 0.7) event.value = Math.floor(random() * 50) - 10;
          if (random() < 0.25) event.preExposure = true;
          batch.push(event);
        }
      }
      batches.push(batch);
    }
    // The last batch again, as a client retrying it would.
    batches.push(batches[5]);

    for (const [b, batch] of batches.entries()) {
      const res = b % 2 ? await call(t.app, adminCaller, 'POST', '/api/v1/events', batch.map((e) => JSON.stringify(e)).join('\n'), { 'content-type': 'application/x-ndjson' }) : await call(t.app, adminCaller, 'POST', '/api/v1/events', batch);
      expect(res.status).toBe(200);
      res.body.results.forEach((r: { status: string; reason?: string }, i: number) => {
        if (r.status === 'accepted') {
          apply(batch[i]);
          accepted.set(batch[i].id as string, batch[i]);
        }
        else if (r.status === 'rejected') expect(r.reason).toMatch(/outside the experiment's traffic/);
      });
      if (b === 6) expect(res.body.accepted).toBe(0);
    }

    for (const experiment of ['ingest-a', 'ingest-b']) {
      const sums = (day?: string) =>
        metrics.flatMap((m) =>
          variants.map((_, variant) => {
            const s = { users: 0, sum: 0, sum_squares: 0, covariate_sum: 0, covariate_sum_squares: 0, sum_products: 0 };
            for (const [who, x] of exposed) {
              if (!who.startsWith(`${experiment}|`) || x.variant !== variant || (day && x.day > day)) continue;
              const v = values.get(`${who}|${m.key}`) ?? { y: 0, x: 0 };
              s.users++;
              s.sum += v.y;
              s.sum_squares += v.y * v.y;
              s.covariate_sum += v.x;
              s.covariate_sum_squares += v.x * v.x;
              s.sum_products += v.x * v.y;
            }
            return { metric: m.key as string, variant, ...s };
          }),
        );
      // Drivers may answer numbers as strings.
      const NUMERIC = new Set(['variant', 'users', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_products', 'value', 'events', 'covariate', 'covariate_events']);
      const numbers = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, NUMERIC.has(k) ? Number(v) : v])) as Record<string, unknown> & { metric: string; variant: number });
      const stats = await t.database.db.selectFrom('experiment_variant_stats').select(['metric', 'variant', 'users', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_products']).where('experiment_key', '=', experiment).execute();
      const byKey = (a: { metric: string; variant: number }, b: { metric: string; variant: number }) => a.metric.localeCompare(b.metric) || a.variant - b.variant;
      expect(numbers(stats).sort(byKey)).toEqual(sums().sort(byKey));

      // Per day of first exposure: the daily rows add up, day by day, to the same sums as of that day.
      const daily = numbers(await t.database.db.selectFrom('experiment_daily_stats').selectAll().where('experiment_key', '=', experiment).orderBy('day').execute());
      const days = [...new Set(daily.map((d) => d.day as string))];
      expect(days.length).toBeGreaterThan(3);
      for (const day of days) {
        const upTo = sums(day)
          .filter((s) => s.users > 0)
          .sort(byKey);
        const fields = ['users', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_products'] as const;
        const added = new Map<string, ReturnType<typeof sums>[number]>();
        for (const d of daily.filter((d) => (d.day as string) <= day)) {
          const key = `${d.metric}|${d.variant}`;
          const a = added.get(key) ?? { metric: d.metric, variant: d.variant, users: 0, sum: 0, sum_squares: 0, covariate_sum: 0, covariate_sum_squares: 0, sum_products: 0 };
          for (const f of fields) a[f] += d[f] as number;
          added.set(key, a);
        }
        expect([...added.values()].filter((a) => a.users > 0).sort(byKey)).toEqual(upTo);
      }

      // Per user and metric: the value, the covariate and their event counts.
      const rows = numbers(await t.database.db.selectFrom('experiment_user_metrics').selectAll().where('experiment_key', '=', experiment).execute());
      const expected: Record<string, unknown>[] = [...values]
        .filter(([key]) => key.startsWith(`${experiment}|`))
        .map(([key, v]) => {
          const [, user, metric] = key.split('|');
          return { experiment_key: experiment, metric, user_id: user, value: v.y, events: v.events, covariate: v.x, covariate_events: v.xEvents };
        });
      const byUser = (a: Record<string, unknown>, b: Record<string, unknown>) => `${a.metric}|${a.user_id}`.localeCompare(`${b.metric}|${b.user_id}`);
      expect(rows.sort(byUser)).toEqual(expected.sort(byUser));

      const exposures = await t.database.db.selectFrom('experiment_exposures').select(['user_id', 'variant', 'first_at']).where('experiment_key', '=', experiment).execute();
      expect(exposures.map((x) => [x.user_id, Number(x.variant), x.first_at.slice(0, 10)]).sort()).toEqual(
        [...exposed].filter(([who]) => who.startsWith(`${experiment}|`)).map(([who, x]) => [who.split('|')[1], x.variant, x.day]).sort(),
      );
    }

    // Every accepted event is stored once, as sent.
    const stored = await t.database.db.selectFrom('experiment_events').select(['id', 'experiment_key', 'type', 'metric', 'user_id', 'value']).where('id', 'like', 'ev-%').execute();
    expect(stored.length).toBe(accepted.size);
    for (const s of stored) {
      const e = accepted.get(s.id)!;
      expect({ ...s, value: s.value === null ? null : Number(s.value) }).toEqual({ id: e.id, experiment_key: e.experiment, type: e.type, metric: e.metric ?? null, user_id: e.user, value: e.type === 'metric' ? ((e.value as number | undefined) ?? 1) : null });
    }
  });

  it('stores the same rows with values written into the statement as with values bound', async () => {
    const bulk = createBulkWriter(t.database);
    const odd = ["it's", 'a "quote"', 'back\\slash', 'semi;colon --', 'ünïcode 🎲', '', 'x'.repeat(32), '2026-11-20T10:00:00.000Z', 'plain_word-1.2:3+4'];
    type Row = { id: string; experiment_key: string; type: 'exposure' | 'metric'; metric: string | null; user_id: string; value: number | null; at: string };
    const rows: Row[] = odd.flatMap((text, i): Row[] => [
      { id: `inline-${i}-a`, experiment_key: text, type: 'metric', metric: i % 2 ? null : text, user_id: `user ${text}`, value: i - 0.5, at: text },
      { id: `inline-${i}-b`, experiment_key: 'plain', type: 'exposure', metric: null, user_id: text, value: null, at: '2026-11-20T10:00:00.000Z' },
    ]);
    // Many distinct combinations: past the statements one call prepares, the rest are bound.
    for (let i = 0; i < 40; i++) rows.push({ id: `inline-many-${i}`, experiment_key: 'plain', type: 'metric', metric: `m${i}`, user_id: 'u', value: i, at: `2026-11-20T10:00:${String(i).padStart(2, '0')}.000Z` });
    await t.database.db.transaction().execute(async (trx) => {
      const inserted = await bulk.insertNewInline(trx, 'experiment_events', 'id', rows, ['experiment_key', 'type', 'metric', 'at']);
      expect(inserted.size).toBe(rows.length);
      const again = await bulk.insertNewInline(trx, 'experiment_events', 'id', [...rows.slice(0, 2), { ...rows[0], id: 'inline-new' }], ['experiment_key', 'type', 'metric', 'at']);
      expect([...again]).toEqual(['inline-new']);
      const users = odd.map((text, i) => ({ experiment_key: text, metric: 'revenue', user_id: `u${i}`, value: i, events: 1, covariate: 0, covariate_events: 0 }));
      const conflict = { columns: ['experiment_key', 'metric', 'user_id'], update: ['value', 'events', 'covariate', 'covariate_events'] } as const;
      await bulk.upsertInline(trx, 'experiment_user_metrics', users, ['experiment_key', 'metric'], { columns: [...conflict.columns], update: [...conflict.update] });
      await bulk.upsertInline(trx, 'experiment_user_metrics', users.map((u) => ({ ...u, value: u.value + 100, events: 2 })), ['experiment_key', 'metric'], { columns: [...conflict.columns], update: [...conflict.update] });
    });
    const stored = await t.database.db.selectFrom('experiment_events').selectAll().where('id', 'like', 'inline-%').orderBy('id').execute();
    const expected = [...rows, { ...rows[0], id: 'inline-new' }].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(stored.map((s) => ({ ...s, value: s.value === null ? null : Number(s.value) }))).toEqual(expected);
    const users = await t.database.db.selectFrom('experiment_user_metrics').select(['experiment_key', 'user_id', 'value', 'events']).where('metric', '=', 'revenue').where('user_id', 'like', 'u%').where('experiment_key', 'not like', 'ingest-%').execute();
    expect(users.map((u) => [u.experiment_key, u.user_id, Number(u.value), Number(u.events)]).sort()).toEqual(odd.map((text, i) => [text, `u${i}`, i + 100, 2]).sort());
  });
});
