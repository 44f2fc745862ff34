import { sql } from 'kysely';
import { assign } from '@dayone/sdk';
import type { CreateExperiment, Experiment } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import { transactOrConflict } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { newId, nowIso } from '../../platform/ids';
import { presentExperiment, type ExperimentRow, type ExperimentsStore } from './experiments-store';
import { isTeamMember } from '../teams/index';
import { experimentResults } from './experiment-results';
import { experimentDailyResults } from './experiment-daily-results';
import { resolvePrfaq, resolveServices } from './experiment-links';

/** Anyone signed in may create an experiment for a team; running and deciding it belongs to that team. */
async function assertTeamMember(trx: Db, actor: Principal, team: string) {
  if (actor.role === 'admin' || (await isTeamMember(trx, actor.id, team))) return;
  throw new AppError('EXPERIMENT_EDIT_FORBIDDEN', `Only members of ${team} (or admins) may change this experiment.`);
}

export function createExperimentsService({ db, store, audit }: { db: Db; store: ExperimentsStore; audit: AuditLog }) {
  async function mustFind(trx: Db, key: string): Promise<ExperimentRow> {
    const row = await store.byKey(trx, key);
    if (!row) throw new AppError('EXPERIMENT_NOT_FOUND', `No experiment has the key "${key}".`);
    return row;
  }

  /** A status change by the owning team, recorded with before and after. */
  async function transition(actor: Principal, key: string, action: string, change: (row: ExperimentRow, trx: Db) => Promise<Partial<ExperimentRow>>) {
    return db.transaction().execute(async (trx) => {
      const row = await mustFind(trx, key);
      await assertTeamMember(trx, actor, row.team);
      const set = await change(row, trx);
      if (!(await store.update(trx, row, set))) throw new AppError('PRECONDITION_FAILED', `${key} changed at the same moment; reload it.`);
      const after = presentExperiment({ ...row, ...set, version: row.version + 1 });
      await audit.record(trx, actor, { action, entityType: 'experiment', entityId: row.id, before: presentExperiment(row), after });
      return after;
    });
  }

  return {
    create: (actor: Principal, input: CreateExperiment): Promise<Experiment> =>
      transactOrConflict(
        db,
        async (trx) => {
          const team = await trx.selectFrom('teams').select('name').where(sql<string>`lower(name)`, '=', input.team.toLowerCase()).executeTakeFirst();
          if (!team) throw fieldError('team', `no team is named "${input.team}"`);
          if (await store.byKey(trx, input.key)) throw new AppError('EXPERIMENT_KEY_TAKEN', `An experiment with the key "${input.key}" exists.`);
          const row: ExperimentRow = {
            id: newId(),
            key: input.key,
            name: input.name ?? input.key,
            hypothesis: input.hypothesis,
            team: team.name.toLowerCase(),
            services_json: JSON.stringify(await resolveServices(trx, input.services ?? [])),
            prfaq: await resolvePrfaq(trx, input.prfaq),
            variants_json: JSON.stringify(input.variants),
            coverage: input.coverage,
            metrics_json: JSON.stringify(input.metrics.map((m) => ({ ...m, name: m.name ?? m.key }))),
            engine: input.engine,
            hash_version: input.hashVersion,
            seed: input.seed ?? input.key,
            status: 'draft',
            started_at: null,
            stopped_at: null,
            decision: null,
            lesson: null,
            decided_by: null,
            decided_at: null,
            created_by: actor.name,
            created_at: nowIso(),
            version: 1,
          };
          await store.insert(trx, row);
          const created = presentExperiment(row);
          await audit.record(trx, actor, { action: 'experiment.created', entityType: 'experiment', entityId: row.id, after: created });
          return created;
        },
        () => new AppError('EXPERIMENT_KEY_TAKEN', `An experiment with the key "${input.key}" was created at the same moment.`),
      ),

    start: (actor: Principal, key: string) =>
      transition(actor, key, 'experiment.started', async (row, trx) => {
        if (row.status !== 'draft' && row.status !== 'stopped') throw new AppError('EXPERIMENT_STATE', `${key} is ${row.status}; only a draft or stopped experiment starts.`);
        await store.seedStats(trx, row);
        return { status: 'running', started_at: row.started_at ?? nowIso(), stopped_at: null };
      }),

    stop: (actor: Principal, key: string) =>
      transition(actor, key, 'experiment.stopped', async (row) => {
        if (row.status !== 'running') throw new AppError('EXPERIMENT_STATE', `${key} is ${row.status}, not running.`);
        return { status: 'stopped', stopped_at: nowIso() };
      }),

    /** Ship, kill or iterate, always with what was learned: a failed experiment is a result too. */
    decide: (actor: Principal, key: string, decision: 'ship' | 'kill' | 'iterate', lesson: string) =>
      transition(actor, key, 'experiment.decided', async (row) => {
        if (row.status === 'draft') throw new AppError('EXPERIMENT_STATE', `${key} never ran; start it before deciding.`);
        if (row.status === 'decided') throw new AppError('EXPERIMENT_STATE', `${key} was decided already (${row.decision}).`);
        const now = nowIso();
        return { status: 'decided', decision, lesson, decided_by: actor.name, decided_at: now, stopped_at: row.stopped_at ?? now };
      }),

    async get(key: string): Promise<Experiment> {
      return presentExperiment(await mustFind(db, key));
    },

    async assign(key: string, userId: string) {
      const e = presentExperiment(await mustFind(db, key));
      return assign({ key: e.key, variants: e.variants, coverage: e.coverage, seed: e.seed, hashVersion: e.hashVersion }, userId);
    },

    async results(key: string) {
      const e = presentExperiment(await mustFind(db, key));
      return experimentResults(e, await store.stats(key));
    },

    async dailyResults(key: string) {
      const e = presentExperiment(await mustFind(db, key));
      return experimentDailyResults(e, await store.daily(key));
    },

    async sdkPayload() {
      const rows = await store.running();
      return {
        experiments: rows.map(presentExperiment).map((e) => ({ key: e.key, variants: e.variants, coverage: e.coverage, seed: e.seed, hashVersion: e.hashVersion })),
      };
    },

    list: store.list,
    velocity: store.velocity,
  };
}
export type ExperimentsService = ReturnType<typeof createExperimentsService>;
