import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../src/platform/db/database';
import { adminCaller, call, signUp, type Caller } from './harness';

/** Every table of a database with its rows, read independently of the backup code: ordinary tables
 *  from the catalogue (not full-text indexes, not columns the database computes), rows sorted as text, and only representation normalised (0/1 of boolean columns, Date
 *  objects, JSON columns, bytes), so the two sides of a restore compare row for row. */
export async function snapshotTables(handle: DatabaseHandle): Promise<Record<string, string[]>> {
  const db = handle.db as unknown as Kysely<any>;
  const columns =
    handle.dialect === 'sqlite'
      ? (
          await sql<{ table_name: string; column_name: string; data_type: string }>`
            select m.name as table_name, p.name as column_name, lower(p.type) as data_type
            from pragma_table_list m join pragma_table_info(m.name) p
            where m.schema = 'main' and m.type = 'table' and m.name not like 'sqlite_%' and m.name not like 'kysely_%'`.execute(db)
        ).rows
      : (
          await sql<{ table_name: string; column_name: string; data_type: string }>`
            select table_name, column_name, data_type from information_schema.columns
            where table_schema = ${handle.schema} and table_name not like 'kysely_%' and is_generated = 'NEVER'`.execute(db)
        ).rows;
  const tables = new Map<string, Map<string, string>>();
  for (const c of columns) tables.set(c.table_name, (tables.get(c.table_name) ?? new Map()).set(c.column_name, c.data_type));
  const snapshot: Record<string, string[]> = {};
  for (const [table, types] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
    const from = handle.dialect === 'postgres' ? `${handle.schema}.${table}` : table;
    const rows = await db.selectFrom(from).selectAll().execute();
    snapshot[table] = rows
      .map((row) => JSON.stringify([...types.keys()].sort().map((name) => [name, normalise(types.get(name)!, row[name])])))
      .sort();
  }
  return snapshot;
}

function normalise(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type.startsWith('bool')) return value === true || value === 1;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (type.startsWith('json')) return typeof value === 'string' ? JSON.parse(value) : value;
  return value;
}

/** Fills an instance through its HTTP API with a bit of everything: people, nested teams, catalog
 *  entities and relations, an andon pull through to its COE (with an attached image), an experiment
 *  with events, a webhook,
 *  a token and an invite. Returns the callers it made. */
export async function populate(app: FastifyInstance): Promise<{ owner: Caller; mate: Caller }> {
  const ok = async (caller: Caller, method: 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await call(app, caller, method, url, body, headers);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await signUp(app, 'root');
  const owner = await signUp(app, 'olga');
  const mate = await signUp(app, 'milo');
  await ok(owner, 'POST', '/api/v1/teams', { name: 'commerce', mission: 'Everything about buying' });
  await ok(owner, 'POST', '/api/v1/teams', { name: 'payments', parent: 'commerce' });
  await ok(owner, 'POST', '/api/v1/teams/payments/members', { person: 'milo' });
  await ok(owner, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'ledger', owner: 'payments', lifecycle: 'production', type: 'service' });
  await ok(owner, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name: 'checkout', owner: 'payments', lifecycle: 'production', type: 'service', tags: ['web'], description: 'Zahlungsabwicklung — ünïcode ✓ "quoted"', dependsOn: ['component:ledger'] });
  const pull = await ok(mate, 'POST', '/api/v1/andon/pulls', { target: { kind: 'service', name: 'checkout' }, reason: 'Card payments failing', severity: 2 });
  await ok(owner, 'POST', `/api/v1/andon/pulls/${pull.id}/acknowledge`, {});
  await ok(owner, 'POST', `/api/v1/andon/pulls/${pull.id}/comments`, { body: 'Rolling back' });
  const resolved = await ok(owner, 'POST', `/api/v1/andon/pulls/${pull.id}/resolve`, { note: 'Rolled back the card client' });
  await ok(owner, 'PUT', `/api/v1/coes/${resolved.coe}/sections/summary`, { content: 'Card payments failed for 42 minutes.' }, { 'if-match': '"1"' });
  // Bytes of every value 0-255 after the PNG signature (RFC 2083 §3.1): the blob must survive as is.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
  await ok(owner, 'POST', `/api/v1/coes/${resolved.coe}/attachments?filename=graph.png`, png, { 'content-type': 'image/png' });
  await ok(owner, 'POST', `/api/v1/coes/${resolved.coe}/action-items`, { title: 'Canary the card client', owner: 'milo', dueDate: '2026-12-31', priority: 'high', type: 'prevent' });
  await ok(owner, 'POST', '/api/v1/experiments', {
    key: 'checkout-button',
    hypothesis: 'We believe a larger checkout button will raise conversion, measured by purchases per user.',
    team: 'payments',
    variants: [{ name: 'control', weight: 0.5 }, { name: 'big-button', weight: 0.5 }],
    metrics: [{ key: 'revenue', aggregation: 'sum' }],
  });
  await ok(owner, 'POST', '/api/v1/experiments/checkout-button/start');
  const events = Array.from({ length: 20 }, (_, i) => [
    { type: 'exposure', id: `x${i}`, experiment: 'checkout-button', user: `u${i}` },
    { type: 'metric', id: `m${i}`, experiment: 'checkout-button', user: `u${i}`, metric: 'revenue', value: i * 1.25 + 0.1 },
  ]).flat();
  await ok(adminCaller, 'POST', '/api/v1/events', events);
  await ok(owner, 'POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['andon.pulled'], team: 'payments', description: 'pager' });
  await ok(owner, 'POST', '/api/v1/tokens', { name: 'ci' });
  await ok(adminCaller, 'POST', '/api/v1/invites', { email: 'new@example.com' });
  return { owner, mate };
}
