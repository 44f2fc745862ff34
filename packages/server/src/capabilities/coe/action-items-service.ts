import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { newId, nowIso } from '../../platform/ids';
import { presentItem, today, type ActionItemRow, type CoeStore } from './coe-store';
import { assertOwningTeam } from './coe-policy';

interface NewItem {
  title: string;
  owner: string;
  team?: string;
  dueDate: string;
  priority: ActionItemRow['priority'];
  type: ActionItemRow['type'];
  link?: string;
}

type Patch = Partial<Pick<NewItem, 'title' | 'owner' | 'dueDate' | 'priority'>> & { status?: ActionItemRow['status']; wontDoReason?: string; link?: string | null };

const isDate = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** Corrective actions: one owner each, a due date, a status Day One chases until done or won't-do. */
export function createActionItems({ db, store, audit, clock }: { db: Db; store: CoeStore; audit: AuditLog; clock: () => Date }) {
  async function person(trx: Db, name: string) {
    const p = await trx.selectFrom('people').select('name').where(sql<string>`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
    if (!p) throw fieldError('owner', `no person is named "${name}"`);
    return p.name.toLowerCase();
  }

  function checkDue(due: string, createdAt: string) {
    if (!isDate(due)) throw fieldError('dueDate', 'is not a calendar date');
    if (due < createdAt.slice(0, 10)) throw fieldError('dueDate', `is before the COE was written (${createdAt.slice(0, 10)})`);
  }

  return {
    create: (actor: Principal, n: number, input: NewItem) =>
      db.transaction().execute(async (trx) => {
        const coe = await store.byNumber(trx, n);
        if (!coe) throw new AppError('COE_NOT_FOUND', `No COE has number ${n}.`);
        await assertOwningTeam(trx, actor, coe.team, 'add action items');
        checkDue(input.dueDate, coe.created_at);
        let team = coe.team;
        if (input.team) {
          const t = await trx.selectFrom('teams').select('name').where(sql<string>`lower(name)`, '=', input.team.toLowerCase()).executeTakeFirst();
          if (!t) throw fieldError('team', `no team is named "${input.team}"`);
          team = t.name.toLowerCase();
        }
        const row: ActionItemRow = {
          id: newId(),
          coe_id: coe.id,
          coe_number: coe.number,
          title: input.title,
          owner: await person(trx, input.owner),
          team,
          due_date: input.dueDate,
          priority: input.priority,
          type: input.type,
          status: 'open',
          wont_do_reason: null,
          link: input.link ?? null,
          created_at: nowIso(),
          closed_at: null,
          reminded_on: null,
          version: 1,
        };
        await trx.insertInto('coe_action_items').values(row).execute();
        await store.touch(trx, coe);
        const item = presentItem(row, clock());
        await audit.record(trx, actor, { action: 'coe.action_item_created', entityType: 'action_item', entityId: row.id, after: item });
        return item;
      }),

    /** Its owner, the owning team or an admin changes an item, over the version they read. */
    update: (actor: Principal, n: number, id: string, expected: number, patch: Patch) =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('coe_action_items').selectAll().where('id', '=', id).where('coe_number', '=', n).executeTakeFirst();
        if (!row) throw new AppError('ACTION_ITEM_NOT_FOUND', `COE ${n} has no action item ${id}.`);
        const coe = (await store.byNumber(trx, n))!;
        if (actor.name.toLowerCase() !== row.owner) await assertOwningTeam(trx, actor, coe.team, 'change this action item');
        if (patch.status === 'wont_do' && !patch.wontDoReason && !row.wont_do_reason) throw fieldError('wontDoReason', "is required to mark an item won't do");
        const set: Partial<ActionItemRow> = {};
        if (patch.title !== undefined) set.title = patch.title;
        if (patch.owner !== undefined) set.owner = await person(trx, patch.owner);
        if (patch.dueDate !== undefined) {
          checkDue(patch.dueDate, coe.created_at);
          set.due_date = patch.dueDate;
        }
        if (patch.priority !== undefined) set.priority = patch.priority;
        if (patch.link !== undefined) set.link = patch.link;
        if (patch.wontDoReason !== undefined) set.wont_do_reason = patch.wontDoReason;
        if (patch.status !== undefined) {
          set.status = patch.status;
          set.closed_at = patch.status === 'done' || patch.status === 'wont_do' ? nowIso() : null;
        }
        const r = await trx.updateTable('coe_action_items').set({ ...set, version: row.version + 1 }).where('id', '=', id).where('version', '=', expected).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new AppError('PRECONDITION_FAILED', `Action item ${id} is at version ${row.version}, not ${expected}; reload it.`, { extensions: { current: presentItem(row, clock()) } });
        const after = presentItem({ ...row, ...set, version: row.version + 1 }, clock());
        await audit.record(trx, actor, { action: 'coe.action_item_updated', entityType: 'action_item', entityId: id, before: presentItem(row, clock()), after });
        return after;
      }),

    /** Overdue items not yet reminded today; marking them is the claim, so each reminder goes out once. */
    async claimOverdue(trx: Db) {
      const day = today(clock());
      const due = await trx.selectFrom('coe_action_items').selectAll().where('status', 'in', ['open', 'in_progress']).where('due_date', '<', day).where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', day)])).limit(500).execute();
      const claimed: ActionItemRow[] = [];
      for (const item of due) {
        const r = await trx.updateTable('coe_action_items').set({ reminded_on: day }).where('id', '=', item.id).where('version', '=', item.version).where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', day)])).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) claimed.push(item);
      }
      return claimed;
    },
  };
}
export type ActionItems = ReturnType<typeof createActionItems>;
