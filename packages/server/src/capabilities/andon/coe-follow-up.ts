import type { AndonPull } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { presentPull, type AndonStore, type PullRow } from './andon-store';

/** Resolving a severity 1 or 2 pull starts its Correction of Error: returns the new draft's number. */
export type CoeStarter = (trx: Db, actor: Principal, pull: PullRow) => Promise<number>;
export const COE_SEVERITY = 2;

/** Notices for the outbox (webhooks, in-app); a no-op until one is wired in. */
export type AndonNotifier = (trx: Db, type: 'andon.pulled' | 'andon.acknowledged' | 'andon.resolved' | 'andon.overridden', pull: AndonPull) => Promise<void>;

/** A resolve that ran in the follow-up's place wins; this one rolls back. */
class AlreadyStarted extends Error {}

/** How long a resolved pull may wait for its draft before the sweep starts it (a resolve in flight
 *  starts its own well within this). */
export const FOLLOW_UP_AFTER_MS = 60_000;
/** How far back the sweep looks: far enough for any restart, and not so far that an instance upgraded
 *  from a version without COEs drafts one for every pull it ever resolved. */
export const FOLLOW_UP_WITHIN_MS = 7 * 24 * 3_600_000;

/** Who a draft started by the sweep is by: the person who resolved the pull, else Day One itself. */
async function resolverOf(db: Db, p: PullRow): Promise<Principal> {
  const person = p.resolved_by ? await db.selectFrom('people').select(['id', 'name', 'display_name', 'role', 'kind']).where('name', '=', p.resolved_by).executeTakeFirst() : undefined;
  if (person) return { id: person.id, name: person.name, displayName: person.display_name, role: person.role, kind: person.kind, via: 'session' };
  return { id: 'system', name: 'system', displayName: 'Day One', role: 'admin', kind: 'machine', via: 'token' };
}

/** The second step of resolving a severity 1–2 pull. The resolve itself commits first, so the gates
 *  open without waiting for paperwork; then, in a transaction of its own, the pull gets its Correction
 *  of Error draft, the link to it, an audit entry and the `andon.resolved` notice (which names the
 *  draft). If the process stops between the two steps, `finishPending` (at start and every minute)
 *  completes what was left; only one caller links a draft to a pull, the others roll back. */
export function createCoeFollowUp(deps: { db: Db; store: AndonStore; audit: AuditLog; startCoe?: CoeStarter; notify?: AndonNotifier }) {
  const { db, store, audit, startCoe, notify } = deps;

  const pending = (p: Pick<PullRow, 'status' | 'severity' | 'coe_number'>) => !!startCoe && p.status === 'resolved' && p.severity <= COE_SEVERITY && p.coe_number === null;

  /** Starts the pull's draft; undefined when there is nothing (left) to start. */
  async function start(actor: Principal, id: string): Promise<AndonPull | undefined> {
    try {
      return await db.transaction().execute(async (trx) => {
        const p = await store.byId(trx, id);
        if (!p || !pending(p)) return undefined;
        const coe = await startCoe!(trx, actor, p);
        const linked = await trx.updateTable('andon_pulls').set({ coe_number: coe, version: p.version + 1 }).where('id', '=', p.id).where('coe_number', 'is', null).where('version', '=', p.version).executeTakeFirst();
        if (Number(linked.numUpdatedRows) !== 1) throw new AlreadyStarted();
        const after: PullRow = { ...p, coe_number: coe, version: p.version + 1 };
        const pull = presentPull(after, (await store.overridesOf(trx, [p.id])).get(p.id) ?? []);
        await audit.record(trx, actor, { action: 'andon.coe_started', entityType: 'andon_pull', entityId: p.id, before: p, after: pull });
        if (notify) await notify(trx, 'andon.resolved', pull);
        return pull;
      });
    } catch (error) {
      if (error instanceof AlreadyStarted) return undefined;
      throw error;
    }
  }

  return {
    /** Whether resolving this pull leaves a draft to start (its notice then waits for the draft). */
    pending,
    start,
    /** Starts the drafts of pulls resolved more than FOLLOW_UP_AFTER_MS and less than
     *  FOLLOW_UP_WITHIN_MS ago that still have none; returns how many it started. */
    async finishPending(now = Date.now()): Promise<number> {
      if (!startCoe) return 0;
      const before = new Date(now - FOLLOW_UP_AFTER_MS).toISOString();
      const since = new Date(now - FOLLOW_UP_WITHIN_MS).toISOString();
      const rows = await db
        .selectFrom('andon_pulls')
        .selectAll()
        .where('status', '=', 'resolved')
        .where('severity', '<=', COE_SEVERITY)
        .where('coe_number', 'is', null)
        .where('resolved_at', '<', before)
        .where('resolved_at', '>', since)
        .execute();
      let started = 0;
      for (const p of rows) if (await start(await resolverOf(db, p), p.id)) started++;
      return started;
    },
  };
}
export type CoeFollowUp = ReturnType<typeof createCoeFollowUp>;
