import type { Flywheel, FlywheelValuesResult } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { nowIso } from '../../platform/ids';
import { flywheelStore as store, type FlywheelRow, type MetricRow } from './flywheel-store';
import { checkLoop } from './flywheel-loop';
import { assertTeamMember } from './flywheel-policy';
import { checkRows, rejectedError, type CandidateRow } from './flywheel-rows';
import { addWeeks, mondayOf, weekProblem, weeksBetween } from './flywheel-weeks';
import { buildReview, reviewWeeksNeeded } from './flywheel-review';

export interface MetricInput {
  key: string;
  name: string;
  unit: string;
  kind: 'input' | 'output';
  next: string;
}

/** The longest span of weeks one read of values covers (about ten years). */
const MAX_RANGE_WEEKS = 520;

export function createFlywheelService({ db, audit, clock }: { db: Db; audit: AuditLog; clock: () => Date }) {
  async function team(trx: Db, name: string) {
    const row = await store.team(trx, name);
    if (!row) throw new AppError('TEAM_NOT_FOUND', `No team is named "${name}".`);
    return row;
  }

  async function mustFind(trx: Db, name: string) {
    const t = await team(trx, name);
    const row = await store.flywheel(trx, t.id);
    if (!row) throw new AppError('NOT_FOUND', `${t.name} has no flywheel yet; a member defines it with PUT /api/v1/teams/${t.name}/flywheel.`);
    return { team: t, row, metrics: await store.metrics(trx, t.id) };
  }

  async function present(trx: Db, teamName: string, row: FlywheelRow, metrics: MetricRow[]): Promise<Flywheel> {
    const shape = checkLoop(metrics.map((m) => ({ key: m.key, next: m.next_key })));
    if (Array.isArray(shape)) throw new Error(`stored flywheel of ${teamName} is not one loop`);
    const latest = new Map((await store.latest(trx, row.team_id)).map((v) => [v.metric_key, { week: v.week, value: v.value }]));
    return {
      team: teamName,
      metrics: metrics.map((m) => ({ key: m.key, name: m.name, unit: m.unit, kind: m.kind, next: m.next_key, onLoop: shape.onLoop.has(m.key), latest: latest.get(m.key) ?? null })),
      loop: shape.loop,
      version: row.version,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  /** A range of weeks from the query, defaulting to the 52 weeks before this one. */
  function range(query: { from?: string; to?: string }) {
    const to = query.to ?? mondayOf(clock());
    const from = query.from ?? addWeeks(to, -52);
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      const problem = weekProblem(value);
      if (problem) throw new AppError('VALIDATION_FAILED', `querystring.${field}: ${problem}`, { errors: [{ path: `querystring.${field}`, message: problem }] });
    }
    const span = weeksBetween(from, to);
    if (span < 0 || span > MAX_RANGE_WEEKS) {
      const message = span < 0 ? 'must not be after `to`' : `must be at most ${MAX_RANGE_WEEKS} weeks before \`to\``;
      throw new AppError('VALIDATION_FAILED', `querystring.from: ${message}`, { errors: [{ path: 'querystring.from', message }] });
    }
    return { from, to };
  }

  return {
    get: (name: string) =>
      db.transaction().execute(async (trx) => {
        const f = await mustFind(trx, name);
        return present(trx, f.team.name, f.row, f.metrics);
      }),

    /** Defines or redefines the flywheel as a whole. The first definition takes no If-Match (or "0");
     *  every later one needs the version read, and a stale one gets 412. */
    define: (actor: Principal, name: string, expected: number | null, metrics: MetricInput[]) =>
      db.transaction().execute(async (trx) => {
        const t = await team(trx, name);
        await assertTeamMember(trx, actor, t.name, "change this team's flywheel");
        const shape = checkLoop(metrics);
        if (Array.isArray(shape)) throw new AppError('VALIDATION_FAILED', shape.map((e) => `${e.path}: ${e.message}`).join('; '), { errors: shape });
        const current = await store.flywheel(trx, t.id);
        const before = current ? await present(trx, t.name, current, await store.metrics(trx, t.id)) : undefined;
        const now = nowIso();
        if (!current && expected !== null && expected !== 0) throw new AppError('PRECONDITION_FAILED', `${t.name} has no flywheel yet; define it without If-Match (or with "0").`);
        const exists = () => new AppError('PRECONDITION_REQUIRED', `${t.name} already has a flywheel; read it and send If-Match: "<version>" with the version you read (the ETag of the GET).`);
        if (current && expected === null) throw exists();
        const written = current
          ? await store.bump(trx, t.id, expected!, actor.name, now)
          : await store.create(trx, { team_id: t.id, version: 1, created_at: now, updated_by: actor.name, updated_at: now });
        // Another first definition committed while this one was made: the same answer as if it had come later.
        if (!written && !current && expected === null) throw exists();
        if (!written) throw new AppError('PRECONDITION_FAILED', `Someone changed ${t.name}'s flywheel first; reload it and apply your change again.`, { extensions: { current: before } });
        await store.replaceMetrics(trx, t.id, metrics.map((m, position) => ({ team_id: t.id, key: m.key, position, name: m.name, unit: m.unit, kind: m.kind, next_key: m.next })));
        const after = await present(trx, t.name, (await store.flywheel(trx, t.id))!, await store.metrics(trx, t.id));
        await audit.record(trx, actor, { action: current ? 'flywheel.redefined' : 'flywheel.defined', entityType: 'flywheel', entityId: t.id, before, after });
        return { flywheel: after, created: !current };
      }),

    /** Records weekly values. Each metric and week is kept once: sending it again replaces it, and the
     *  answer says which rows were new, replaced or unchanged. With bad rows nothing is written unless
     *  `partial`, when the good rows are written and the bad ones reported. */
    record: (actor: Principal, name: string, rows: CandidateRow[], upfront: FlywheelValuesResult['rejected'], partial: boolean): Promise<FlywheelValuesResult> =>
      db.transaction().execute(async (trx) => {
        const f = await mustFind(trx, name);
        await assertTeamMember(trx, actor, f.team.name, "record this team's flywheel values");
        const checked = checkRows(rows, new Set(f.metrics.map((m) => m.key)));
        const rejected = [...upfront, ...checked.rejected].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        if (rejected.length && !partial) throw rejectedError(rejected);
        const kept = await store.existing(trx, f.team.id, checked.good);
        const values = checked.good.map((r) => {
          const previous = kept.get(`${r.metric}|${r.week}`) ?? null;
          const outcome = previous === null ? ('created' as const) : previous === r.value ? ('unchanged' as const) : ('replaced' as const);
          return { ...r, previous, outcome };
        });
        const changed = values.filter((v) => v.outcome !== 'unchanged');
        const now = nowIso();
        await store.upsertValues(trx, changed.map((v) => ({ team_id: f.team.id, metric_key: v.metric, week: v.week, value: v.value, updated_by: actor.name, updated_at: now })));
        const count = (outcome: string) => values.filter((v) => v.outcome === outcome).length;
        const result = { imported: values.length, created: count('created'), replaced: count('replaced'), unchanged: count('unchanged'), values, rejected };
        if (changed.length) {
          await audit.record(trx, actor, {
            action: 'flywheel.values_recorded',
            entityType: 'flywheel',
            entityId: f.team.id,
            after: { team: f.team.name, created: result.created, replaced: result.replaced, values: changed.map((v) => ({ metric: v.metric, week: v.week, value: v.value, previous: v.previous })) },
          });
        }
        return result;
      }),

    values: (name: string, query: { from?: string; to?: string }) =>
      db.transaction().execute(async (trx) => {
        const f = await mustFind(trx, name);
        const { from, to } = range(query);
        const rows = await store.range(trx, f.team.id, from, to);
        return { from, to, items: rows.map((v) => ({ metric: v.metric_key, week: v.week, value: v.value, updatedBy: v.updated_by, updatedAt: v.updated_at })) };
      }),

    review: (name: string, requested?: string) =>
      db.transaction().execute(async (trx) => {
        const f = await mustFind(trx, name);
        const problem = requested ? weekProblem(requested) : null;
        if (problem) throw new AppError('VALIDATION_FAILED', `querystring.week: ${problem}`, { errors: [{ path: 'querystring.week', message: problem }] });
        const week = requested ?? (await store.lastWeek(trx, f.team.id, f.metrics.map((m) => m.key))) ?? mondayOf(clock());
        const rows = await store.inWeeks(trx, f.team.id, reviewWeeksNeeded(week));
        const byKey = new Map(rows.map((v) => [`${v.metric_key}|${v.week}`, v.value]));
        return buildReview(f.team.name, week, f.metrics, (metric, w) => byKey.get(`${metric}|${w}`) ?? null);
      }),
  };
}
export type FlywheelService = ReturnType<typeof createFlywheelService>;
