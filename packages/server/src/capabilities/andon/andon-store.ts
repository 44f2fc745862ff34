import { sql } from 'kysely';
import type { AndonPull } from '@dayone/contracts';
import type { Db, Dialect } from '../../platform/db/database';
import { LOCKS, serialise } from '../../platform/db/serialise';
import type { AndonEventsTable, AndonOverridesTable, AndonPullsTable } from '../../platform/db/schema';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { newId, nowIso } from '../../platform/ids';
import { push } from '../../platform/multimap';

export type PullRow = AndonPullsTable;

const seconds = (from: string, to: string | null) => (to ? Math.round((Date.parse(to) - Date.parse(from)) / 1000) : null);

export function presentPull(p: PullRow, overrides: AndonOverridesTable[]): AndonPull {
  const now = nowIso();
  return {
    id: p.id,
    number: p.number,
    target: { kind: p.target_kind, name: p.target_name, ref: p.target_ref },
    environment: p.environment,
    severity: p.severity,
    reason: p.reason,
    status: p.status,
    ownerTeam: p.owner_team,
    pulledBy: p.pulled_by,
    pulledAt: p.pulled_at,
    acknowledgedBy: p.acknowledged_by,
    acknowledgedAt: p.acknowledged_at,
    resolvedBy: p.resolved_by,
    resolvedAt: p.resolved_at,
    resolution: p.resolution,
    secondsToAcknowledge: seconds(p.pulled_at, p.acknowledged_at),
    secondsToResolve: seconds(p.pulled_at, p.resolved_at),
    overrides: overrides.map((o) => ({ id: o.id, reason: o.reason, by: o.created_by, createdAt: o.created_at, expiresAt: o.expires_at, active: o.expires_at > now && p.status !== 'resolved' })),
    coe: p.coe_number ?? null,
    version: p.version,
  };
}

export function createAndonStore(db: Db, dialect: Dialect) {
  async function overridesOf(trx: Db, ids: string[]) {
    const map = new Map<string, AndonOverridesTable[]>();
    if (!ids.length) return map;
    for (const o of await trx.selectFrom('andon_overrides').selectAll().where('pull_id', 'in', ids).orderBy('created_at').execute()) push(map, o.pull_id, o);
    return map;
  }

  return {
    overridesOf,
    byId: (trx: Db, id: string) => trx.selectFrom('andon_pulls').selectAll().where('id', '=', id).executeTakeFirst(),
    nextNumber: async (trx: Db) => (await serialise(trx, dialect, LOCKS.andonNumber), 0) + Number((await trx.selectFrom('andon_pulls').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst())?.n ?? 0) + 1,
    insert: (trx: Db, row: PullRow) => trx.insertInto('andon_pulls').values(row).execute(),

    /** Changes a pull only if it is still in one of the given states; false when someone got there first. */
    async transition(trx: Db, p: PullRow, from: PullRow['status'][], set: Partial<PullRow>): Promise<boolean> {
      const r = await trx.updateTable('andon_pulls').set({ ...set, version: p.version + 1 }).where('id', '=', p.id).where('status', 'in', from).where('version', '=', p.version).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    event: (trx: Db, pullId: string, actor: string, type: AndonEventsTable['type'], body: string | null) =>
      trx.insertInto('andon_events').values({ id: newId(), pull_id: pullId, at: nowIso(), actor, type, body }).execute(),
    events: (trx: Db, pullId: string) => trx.selectFrom('andon_events').select(['at', 'actor', 'type', 'body']).where('pull_id', '=', pullId).orderBy('at').orderBy('id').execute(),
    addOverride: (trx: Db, row: AndonOverridesTable) => trx.insertInto('andon_overrides').values(row).execute(),

    async list(query: { status: 'open' | 'resolved' | 'all'; team?: string; service?: string; limit: number; cursor?: string }) {
      let q = db.selectFrom('andon_pulls').selectAll();
      if (query.status === 'open') q = q.where('status', '!=', 'resolved');
      if (query.status === 'resolved') q = q.where('status', '=', 'resolved');
      if (query.team) q = q.where(sql<string>`lower(owner_team)`, '=', query.team.toLowerCase());
      if (query.service) q = q.where('target_ref', '=', query.service.toLowerCase());
      const before = decodeCursor(query.cursor);
      if (before) q = q.where('number', '<', Number(before));
      const rows = await q.orderBy('number', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      const overrides = await overridesOf(db, page.map((p) => p.id));
      return { items: page.map((p) => presentPull(p, overrides.get(p.id) ?? [])), nextCursor: rows.length > query.limit ? encodeCursor(String(page[page.length - 1].number)) : null };
    },

    /** Pulls per owning team and month with median times to acknowledge and resolve. */
    async stats() {
      const rows = await db.selectFrom('andon_pulls').select(['owner_team', 'pulled_at', 'acknowledged_at', 'resolved_at']).execute();
      const groups = new Map<string, { team: string | null; month: string; ack: number[]; res: number[]; pulls: number }>();
      for (const r of rows) {
        const key = `${r.owner_team ?? ''}|${r.pulled_at.slice(0, 7)}`;
        const g = groups.get(key) ?? { team: r.owner_team, month: r.pulled_at.slice(0, 7), ack: [], res: [], pulls: 0 };
        g.pulls++;
        if (r.acknowledged_at) g.ack.push(seconds(r.pulled_at, r.acknowledged_at)!);
        if (r.resolved_at) g.res.push(seconds(r.pulled_at, r.resolved_at)!);
        groups.set(key, g);
      }
      const median = (v: number[]) => {
        if (!v.length) return null;
        const s = [...v].sort((a, b) => a - b);
        const m = Math.floor(s.length / 2);
        return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
      };
      return {
        items: [...groups.values()]
          .sort((a, b) => b.month.localeCompare(a.month) || (a.team ?? '').localeCompare(b.team ?? ''))
          .map((g) => ({ team: g.team, month: g.month, pulls: g.pulls, medianSecondsToAcknowledge: median(g.ack), medianSecondsToResolve: median(g.res) })),
      };
    },
  };
}
export type AndonStore = ReturnType<typeof createAndonStore>;
