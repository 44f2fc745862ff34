import type { AndonPull, PullTarget } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { transactWithEvents, type EventBus } from '../../platform/events/event-bus';
import { newId, nowIso } from '../../platform/ids';
import { presentPull, type AndonStore, type PullRow } from './andon-store';
import { resolveTarget } from './andon-targets';
import { assertMayRelease } from './andon-policy';
import { ANDON_TOPIC, type GateState } from './gate-state';
import type { AndonNotifier, CoeFollowUp } from './coe-follow-up';

interface Deps {
  db: Db;
  followUp: CoeFollowUp;
  bus: EventBus;
  store: AndonStore;
  audit: AuditLog;
  gates: GateState;
  notify?: AndonNotifier;
}

export function createAndonService({ db, bus, store, audit, gates, notify, followUp }: Deps) {
  async function mustFind(trx: Db, id: string): Promise<PullRow> {
    const p = await store.byId(trx, id);
    if (!p) throw new AppError('ANDON_PULL_NOT_FOUND', `No andon pull has id ${id}.`);
    return p;
  }

  async function present(trx: Db, p: PullRow): Promise<AndonPull> {
    return presentPull(p, (await store.overridesOf(trx, [p.id])).get(p.id) ?? []);
  }

  /** Every change: one transaction with its audit entry, timeline event and notice, then the gates. */
  async function change(actor: Principal, action: string, work: (trx: Db) => Promise<{ before?: PullRow; after: PullRow; notice?: Parameters<AndonNotifier>[1] }>) {
    const result = await transactWithEvents(db, bus, async (trx, emit) => {
      const { before, after, notice } = await work(trx);
      // A pull made just now has no overrides yet: nothing to read back.
      const pull = before ? await present(trx, after) : presentPull(after, []);
      await audit.record(trx, actor, { action, entityType: 'andon_pull', entityId: after.id, before: before ?? null, after: pull });
      if (notice && notify) await notify(trx, notice, pull);
      emit({ topic: ANDON_TOPIC, id: after.id });
      return pull;
    });
    await gates.reload('pulls');
    return result;
  }

  return {
    pull: (actor: Principal, input: { target: PullTarget; reason: string; severity: number; environment?: string }) =>
      change(actor, 'andon.pulled', async (trx) => {
        const target = await resolveTarget(trx, input.target);
        const row: PullRow = {
          id: newId(),
          number: await store.nextNumber(trx),
          target_kind: target.kind,
          target_name: target.name,
          target_ref: target.ref,
          environment: input.environment ?? null,
          severity: input.severity,
          reason: input.reason,
          status: 'active',
          owner_team: target.ownerTeam,
          pulled_by: actor.name,
          pulled_at: nowIso(),
          acknowledged_by: null,
          acknowledged_at: null,
          resolved_by: null,
          resolved_at: null,
          resolution: null,
          coe_number: null,
          version: 1,
        };
        await store.insert(trx, row);
        await store.event(trx, row.id, actor.name, 'pulled', input.reason);
        return { after: row, notice: 'andon.pulled' };
      }),

    acknowledge: (actor: Principal, id: string) =>
      change(actor, 'andon.acknowledged', async (trx) => {
        const p = await mustFind(trx, id);
        await assertMayRelease(trx, actor, p.owner_team, 'acknowledge');
        if (p.status !== 'active') throw new AppError('ANDON_PULL_NOT_ACTIVE', `Pull #${p.number} is ${p.status} already.`);
        const set = { status: 'acknowledged' as const, acknowledged_by: actor.name, acknowledged_at: nowIso() };
        if (!(await store.transition(trx, p, ['active'], set))) throw new AppError('ANDON_PULL_NOT_ACTIVE', `Pull #${p.number} changed at the same moment; reload it.`);
        await store.event(trx, p.id, actor.name, 'acknowledged', null);
        return { before: p, after: { ...p, ...set, version: p.version + 1 }, notice: 'andon.acknowledged' };
      }),

    /** Resolves the pull: the gates open as soon as that commits. A severity 1–2 pull then gets its
     *  Correction of Error draft (coe-follow-up.ts) before the answer, which names it. */
    async resolve(actor: Principal, id: string, note: string): Promise<AndonPull> {
      const resolved = await change(actor, 'andon.resolved', async (trx) => {
        const p = await mustFind(trx, id);
        await assertMayRelease(trx, actor, p.owner_team, 'resolve');
        if (p.status === 'resolved') throw new AppError('ANDON_PULL_ALREADY_RESOLVED', `Pull #${p.number} was resolved by ${p.resolved_by} at ${p.resolved_at}.`);
        const now = nowIso();
        const set = { status: 'resolved' as const, resolved_by: actor.name, resolved_at: now, resolution: note, acknowledged_by: p.acknowledged_by ?? actor.name, acknowledged_at: p.acknowledged_at ?? now };
        if (!(await store.transition(trx, p, ['active', 'acknowledged'], set))) {
          throw new AppError('ANDON_PULL_ALREADY_RESOLVED', `Pull #${p.number} was resolved by someone else at the same moment.`);
        }
        await store.event(trx, p.id, actor.name, 'resolved', note);
        const after: PullRow = { ...p, ...set, version: p.version + 1 };
        // A pull with a draft to start is announced once the draft exists, so its notice can name it.
        return { before: p, after, notice: followUp.pending(after) ? undefined : 'andon.resolved' };
      });
      if (!followUp.pending({ status: resolved.status, severity: resolved.severity, coe_number: resolved.coe })) return resolved;
      // Started here, or (rarely) by the sweep at the same moment: either way the pull now names it.
      return (await followUp.start(actor, id)) ?? (await present(db, await mustFind(db, id)));
    },

    override: (actor: Principal, id: string, reason: string, minutes: number) =>
      change(actor, 'andon.overridden', async (trx) => {
        const p = await mustFind(trx, id);
        await assertMayRelease(trx, actor, p.owner_team, 'override');
        if (p.status === 'resolved') throw new AppError('ANDON_PULL_ALREADY_RESOLVED', `Pull #${p.number} is resolved; nothing to override.`);
        const now = new Date();
        await store.addOverride(trx, { id: newId(), pull_id: p.id, reason, created_by: actor.name, created_at: now.toISOString(), expires_at: new Date(now.getTime() + minutes * 60_000).toISOString() });
        await store.event(trx, p.id, actor.name, 'override', `${reason} (for ${minutes} min)`);
        if (!(await store.transition(trx, p, ['active', 'acknowledged'], {}))) throw new AppError('PRECONDITION_FAILED', `Pull #${p.number} changed at the same moment; reload it.`);
        return { before: p, after: { ...p, version: p.version + 1 }, notice: 'andon.overridden' };
      }),

    /** Anyone signed in may add to a pull's timeline. */
    comment: (actor: Principal, id: string, body: string) =>
      change(actor, 'andon.commented', async (trx) => {
        const p = await mustFind(trx, id);
        await store.event(trx, p.id, actor.name, 'comment', body);
        return { after: p };
      }),

    async detail(id: string) {
      return db.transaction().execute(async (trx) => {
        const p = await mustFind(trx, id);
        return { ...(await present(trx, p)), events: await store.events(trx, p.id) };
      });
    },

    list: store.list,
    stats: store.stats,
  };
}
export type AndonService = ReturnType<typeof createAndonService>;
