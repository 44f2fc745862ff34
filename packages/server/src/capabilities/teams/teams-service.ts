import type { OrgFinding, TeamDetail } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import { transactOrConflict } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { newId, nowIso } from '../../platform/ids';
import { lowerEq } from '../identity/people-store';
import type { TeamRow, TeamsStore } from './teams-store';
import { assertMayEdit } from './teams-policy';

/** Later capabilities tell the teams service what a team owns, so a team that owns things is never removed. */
export type OwnershipProvider = (trx: Db, teamId: string) => Promise<{ kind: string; name: string }[]>;

/** Later capabilities add their own organisation checks to the org tree: given every team (lower-case
 *  name and size), the findings per team name, read for all teams at once. */
export type TeamFindingsProvider = (trx: Db, teams: { name: string; memberCount: number }[]) => Promise<Map<string, OrgFinding[]>>;

export interface TeamFields {
  displayName?: string;
  mission?: string;
  parent?: string | null;
  leader?: string | null;
}

interface Deps {
  db: Db;
  store: TeamsStore;
  audit: AuditLog;
  ownership: OwnershipProvider[];
  findings: TeamFindingsProvider[];
}

export function createTeamsService({ db, store, audit, ownership, findings }: Deps) {
  async function mustFind(trx: Db, name: string): Promise<TeamRow> {
    const row = await store.rowByName(trx, name);
    if (!row) throw new AppError('TEAM_NOT_FOUND', `No team is named "${name}".`);
    return row;
  }

  async function resolveParent(trx: Db, parent: string, self?: TeamRow): Promise<string> {
    const row = await store.rowByName(trx, parent);
    if (!row) throw fieldError('parent', `no team is named "${parent}"`);
    if (self && (row.id === self.id || (await store.ancestorIds(trx, row.id)).includes(self.id))) {
      throw fieldError('parent', `${parent} is ${self.name} itself or one of its sub-teams, which would make a loop`);
    }
    return row.id;
  }

  async function resolveLeader(trx: Db, leader: string): Promise<string> {
    const row = await trx.selectFrom('people').select('id').where(lowerEq('name', leader)).executeTakeFirst();
    if (!row) throw fieldError('leader', `no person is named "${leader}"`);
    return row.id;
  }

  async function owns(trx: Db, teamId: string) {
    return (await Promise.all(ownership.map((p) => p(trx, teamId)))).flat();
  }

  async function detail(trx: Db, row: TeamRow): Promise<TeamDetail> {
    const team = (await store.byName(row.name, trx))!;
    return { ...team, members: await store.members(row.id, trx), children: await store.children(row.id, trx), owns: await owns(trx, row.id) };
  }

  const transact = <T>(work: (trx: Db) => Promise<T>): Promise<T> =>
    transactOrConflict(db, work, () => new AppError('TEAM_NAME_TAKEN', 'A team with this name was created at the same moment.'));

  /** Bumps the version only if it is still the one the caller read; otherwise nothing changes. */
  async function bump(trx: Db, row: TeamRow, expected: number | undefined, set: Partial<TeamRow> = {}) {
    let q = trx.updateTable('teams').set({ ...set, version: row.version + 1, updated_at: nowIso() }).where('id', '=', row.id).where('version', '=', row.version);
    if (expected !== undefined && expected !== row.version) q = q.where('version', '=', expected);
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError('PRECONDITION_FAILED', `${row.name} is at version ${row.version}, not ${expected ?? row.version}; reload it and apply your change again.`);
    }
  }

  return {
    detail: (name: string) => db.transaction().execute(async (trx) => detail(trx, await mustFind(trx, name))),

    create(actor: Principal, input: TeamFields & { name: string }): Promise<TeamDetail> {
      return transact(async (trx) => {
        if (await store.rowByName(trx, input.name)) throw new AppError('TEAM_NAME_TAKEN', `A team named "${input.name}" exists already.`);
        const now = nowIso();
        const row: TeamRow = {
          id: newId(),
          name: input.name,
          display_name: input.displayName ?? input.name,
          mission: input.mission ?? '',
          parent_id: input.parent ? await resolveParent(trx, input.parent) : null,
          leader_id: input.leader ? await resolveLeader(trx, input.leader) : null,
          version: 1,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('teams').values(row).execute();
        if (actor.kind === 'person') await trx.insertInto('team_members').values({ team_id: row.id, person_id: actor.id, added_at: now }).execute();
        const result = await detail(trx, row);
        await audit.record(trx, actor, { action: 'team.created', entityType: 'team', entityId: row.id, after: result });
        return result;
      });
    },

    update(actor: Principal, name: string, expected: number, patch: TeamFields): Promise<TeamDetail> {
      return transact(async (trx) => {
        const row = await mustFind(trx, name);
        assertMayEdit(actor, await store.isMember(row.id, actor.id, trx), row.name);
        const before = await detail(trx, row);
        const set: Partial<TeamRow> = {};
        if (patch.displayName !== undefined) set.display_name = patch.displayName;
        if (patch.mission !== undefined) set.mission = patch.mission;
        if (patch.parent !== undefined) set.parent_id = patch.parent === null ? null : await resolveParent(trx, patch.parent, row);
        if (patch.leader !== undefined) set.leader_id = patch.leader === null ? null : await resolveLeader(trx, patch.leader);
        await bump(trx, row, expected, set);
        const after = await detail(trx, (await mustFind(trx, name))!);
        await audit.record(trx, actor, { action: 'team.updated', entityType: 'team', entityId: row.id, before, after });
        return after;
      });
    },

    remove(actor: Principal, name: string, expected: number): Promise<void> {
      return transact(async (trx) => {
        const row = await mustFind(trx, name);
        assertMayEdit(actor, await store.isMember(row.id, actor.id, trx), row.name);
        const before = await detail(trx, row);
        if (before.version !== expected) throw new AppError('PRECONDITION_FAILED', `${row.name} is at version ${before.version}, not ${expected}; reload it first.`);
        if (before.members.length) {
          throw new AppError('TEAM_HAS_MEMBERS', `${row.name} still has ${before.members.length} member(s); remove them (or move them to another team) first.`);
        }
        if (before.children.length) {
          throw new AppError('TEAM_HAS_CHILDREN', `${row.name} still has sub-teams (${before.children.join(', ')}); give them another parent first.`);
        }
        if (before.owns.length) {
          throw new AppError('TEAM_OWNS_ENTITIES', `${row.name} still owns ${before.owns.map((o) => `${o.kind} ${o.name}`).join(', ')}; hand them to another team first.`);
        }
        await trx.updateTable('teams').set({ leader_id: null }).where('id', '=', row.id).execute();
        await trx.deleteFrom('teams').where('id', '=', row.id).where('version', '=', expected).execute();
        await audit.record(trx, actor, { action: 'team.deleted', entityType: 'team', entityId: row.id, before });
      });
    },

    /** Anyone may join a team; adding someone else is for its members and admins. */
    addMember(actor: Principal, name: string, personName: string | undefined): Promise<TeamDetail> {
      return transact(async (trx) => {
        const row = await mustFind(trx, name);
        const target = personName ?? actor.name;
        const person = await trx.selectFrom('people').select(['id', 'name']).where(lowerEq('name', target)).executeTakeFirst();
        if (!person) throw fieldError('person', `no person is named "${target}"`);
        if (person.id !== actor.id) assertMayEdit(actor, await store.isMember(row.id, actor.id, trx), row.name);
        if (await store.isMember(row.id, person.id, trx)) return detail(trx, row);
        await trx.insertInto('team_members').values({ team_id: row.id, person_id: person.id, added_at: nowIso() }).execute();
        await bump(trx, row, undefined);
        await audit.record(trx, actor, { action: 'team.member_added', entityType: 'team', entityId: row.id, after: { team: row.name, person: person.name } });
        return detail(trx, (await mustFind(trx, name))!);
      });
    },

    /** Anyone may leave; removing someone else is for the team's members and admins. */
    removeMember(actor: Principal, name: string, personName: string): Promise<TeamDetail> {
      return transact(async (trx) => {
        const row = await mustFind(trx, name);
        const person = await trx.selectFrom('people').select(['id', 'name']).where(lowerEq('name', personName)).executeTakeFirst();
        if (!person) throw new AppError('PERSON_NOT_FOUND', `No person is named "${personName}".`);
        if (person.id !== actor.id) assertMayEdit(actor, await store.isMember(row.id, actor.id, trx), row.name);
        if (!(await store.isMember(row.id, person.id, trx))) throw new AppError('NOT_FOUND', `${person.name} is not a member of ${row.name}.`);
        await trx.deleteFrom('team_members').where('team_id', '=', row.id).where('person_id', '=', person.id).execute();
        await bump(trx, row, undefined);
        await audit.record(trx, actor, { action: 'team.member_removed', entityType: 'team', entityId: row.id, before: { team: row.name, person: person.name } });
        return detail(trx, (await mustFind(trx, name))!);
      });
    },

    list: store.list,
    /** Every team under its parent with the findings of every organisation check, in one read per check. */
    orgTree: () =>
      store.orgTree(async (teams) => {
        const merged = new Map<string, OrgFinding[]>();
        for (const found of await Promise.all(findings.map((p) => p(db, teams)))) {
          for (const [name, list] of found) merged.set(name, [...(merged.get(name) ?? []), ...list]);
        }
        return merged;
      }),
  };
}
export type TeamsService = ReturnType<typeof createTeamsService>;
