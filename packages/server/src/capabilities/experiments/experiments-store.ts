import type { Experiment } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { ExperimentsTable } from '../../platform/db/schema';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { emptySums } from './metric-analysis';

export type ExperimentRow = ExperimentsTable;

export function presentExperiment(r: ExperimentRow): Experiment {
  return {
    key: r.key,
    name: r.name,
    hypothesis: r.hypothesis,
    team: r.team,
    services: JSON.parse(r.services_json),
    prfaq: r.prfaq,
    variants: JSON.parse(r.variants_json),
    coverage: r.coverage,
    metrics: (JSON.parse(r.metrics_json) as Experiment['metrics']).map((m) => ({ ...m, cuped: m.cuped ?? false })),
    engine: r.engine,
    hashVersion: r.hash_version === 1 ? 1 : 2,
    seed: r.seed,
    status: r.status,
    startedAt: r.started_at,
    stoppedAt: r.stopped_at,
    decision: r.decision,
    lesson: r.lesson,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    version: r.version,
  };
}

export function createExperimentsStore(db: Db) {
  return {
    byKey: (trx: Db, key: string) => trx.selectFrom('experiments').selectAll().where('key', '=', key).executeTakeFirst(),
    insert: (trx: Db, row: ExperimentRow) => trx.insertInto('experiments').values(row).execute(),

    /** Applies a change only over the version that was read; false when someone got there first. */
    async update(trx: Db, row: ExperimentRow, set: Partial<ExperimentRow>): Promise<boolean> {
      const r = await trx.updateTable('experiments').set({ ...set, version: row.version + 1 }).where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async list(query: { team?: string; status?: ExperimentRow['status']; limit: number; cursor?: string }) {
      let q = db.selectFrom('experiments').selectAll();
      if (query.team) q = q.where('team', '=', query.team.toLowerCase());
      if (query.status) q = q.where('status', '=', query.status);
      const after = decodeCursor(query.cursor);
      if (after) q = q.where('key', '>', after);
      const rows = await q.orderBy('key').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      return { items: page.map(presentExperiment), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].key) : null };
    },

    running: () => db.selectFrom('experiments').selectAll().where('status', '=', 'running').orderBy('key').execute(),

    /** Zeroed sufficient statistics for every metric and variant, so rollups only ever update. */
    async seedStats(trx: Db, row: ExperimentRow) {
      const metrics = JSON.parse(row.metrics_json) as { key: string }[];
      const variants = JSON.parse(row.variants_json) as unknown[];
      const existing = await trx.selectFrom('experiment_variant_stats').select('metric').where('experiment_key', '=', row.key).executeTakeFirst();
      if (existing) return;
      const values = metrics.flatMap((m) => variants.map((_, v) => ({ experiment_key: row.key, ...emptySums(m.key, v) })));
      await trx.insertInto('experiment_variant_stats').values(values).execute();
    },

    /** Per team and month: experiments started, decided, decided with a lesson, and killed. */
    async velocity() {
      const rows = await db.selectFrom('experiments').select(['team', 'started_at', 'decided_at', 'decision', 'lesson']).execute();
      const groups = new Map<string, { team: string; month: string; started: number; decided: number; withLesson: number; killed: number }>();
      const bump = (team: string, at: string | null, apply: (g: { started: number; decided: number; withLesson: number; killed: number }) => void) => {
        if (!at) return;
        const key = `${team}|${at.slice(0, 7)}`;
        const g = groups.get(key) ?? { team, month: at.slice(0, 7), started: 0, decided: 0, withLesson: 0, killed: 0 };
        apply(g);
        groups.set(key, g);
      };
      for (const r of rows) {
        bump(r.team, r.started_at, (g) => g.started++);
        bump(r.team, r.decided_at, (g) => {
          g.decided++;
          if (r.lesson) g.withLesson++;
          if (r.decision === 'kill') g.killed++;
        });
      }
      return { items: [...groups.values()].sort((a, b) => b.month.localeCompare(a.month) || a.team.localeCompare(b.team)) };
    },

    stats: (key: string) => db.selectFrom('experiment_variant_stats').selectAll().where('experiment_key', '=', key).orderBy('metric').orderBy('variant').execute(),

    /** The per-day rollups (by the day of the users' first exposure), oldest first. */
    daily: (key: string) => db.selectFrom('experiment_daily_stats').selectAll().where('experiment_key', '=', key).orderBy('day').orderBy('metric').orderBy('variant').execute(),
  };
}
export type ExperimentsStore = ReturnType<typeof createExperimentsStore>;
