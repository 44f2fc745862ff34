import { sql, type ExpressionBuilder } from 'kysely';
import { TWO_PIZZA_LIMIT, type OrgFinding, type OrgNode, type PersonRef, type Team } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { Database, TeamsTable } from '../../platform/db/schema';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { teamFitness } from './teams-fitness';

export type TeamRow = TeamsTable;

const memberCount = (eb: ExpressionBuilder<Database & { t: TeamsTable }, 't'>) =>
  eb.selectFrom('team_members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.team_id', '=', 't.id').as('member_count');
const leaderTeamCount = (eb: ExpressionBuilder<Database & { t: TeamsTable }, 't'>) =>
  eb.selectFrom('teams as t2').select((e) => e.fn.countAll<number>().as('n')).whereRef('t2.leader_id', '=', 't.leader_id').as('leader_team_count');

function baseQuery(db: Db) {
  return db
    .selectFrom('teams as t')
    .leftJoin('teams as p', 'p.id', 't.parent_id')
    .leftJoin('people as l', 'l.id', 't.leader_id')
    .selectAll('t')
    .select(['p.name as parent_name', 'l.name as leader_name', 'l.display_name as leader_display_name'])
    .select((eb) => [memberCount(eb), leaderTeamCount(eb)]);
}

type Joined = TeamRow & {
  parent_name: string | null;
  leader_name: string | null;
  leader_display_name: string | null;
  member_count: number | null;
  leader_team_count: number | null;
};

export function presentTeam(row: Joined): Team {
  const count = Number(row.member_count ?? 0);
  const leader: PersonRef | null = row.leader_name ? { name: row.leader_name, displayName: row.leader_display_name ?? row.leader_name } : null;
  return {
    name: row.name,
    displayName: row.display_name,
    mission: row.mission,
    parent: row.parent_name,
    leader,
    memberCount: count,
    fitness: teamFitness({ memberCount: count, leaderName: row.leader_name, leaderTeamCount: Number(row.leader_team_count ?? 0) }),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const lowerName = (name: string) => sql<boolean>`lower(t.name) = ${name.toLowerCase()}`;

export function createTeamsStore(db: Db) {
  return {
    rowByName: (trx: Db, name: string) => trx.selectFrom('teams as t').selectAll('t').where(lowerName(name)).executeTakeFirst(),

    async byName(name: string, trx: Db = db): Promise<Team | undefined> {
      const row = await baseQuery(trx).where(lowerName(name)).executeTakeFirst();
      return row ? presentTeam(row as Joined) : undefined;
    },

    members: (teamId: string, trx: Db = db): Promise<PersonRef[]> =>
      trx
        .selectFrom('team_members as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select(['p.name', 'p.display_name as displayName'])
        .where('m.team_id', '=', teamId)
        .orderBy(sql`lower(p.name)`)
        .execute(),

    children: async (teamId: string, trx: Db = db): Promise<string[]> =>
      (await trx.selectFrom('teams').select('name').where('parent_id', '=', teamId).orderBy(sql`lower(name)`).execute()).map((r) => r.name),

    isMember: async (teamId: string, personId: string, trx: Db = db) =>
      !!(await trx.selectFrom('team_members').select('team_id').where('team_id', '=', teamId).where('person_id', '=', personId).executeTakeFirst()),

    async list(query: { q?: string; parent?: string; fitness: 'all' | 'unfit'; limit: number; cursor?: string }) {
      let q = baseQuery(db);
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        q = q.where((eb) => eb.or([eb(sql`lower(t.name)`, 'like', like), eb(sql`lower(t.display_name)`, 'like', like)]));
      }
      if (query.parent) q = q.where(sql<boolean>`lower(p.name) = ${query.parent.toLowerCase()}`);
      if (query.fitness === 'unfit') {
        q = q.where((eb) =>
          eb.or([
            eb(eb.selectFrom('team_members as m').select((e) => e.fn.countAll().as('n')).whereRef('m.team_id', '=', 't.id'), '>', TWO_PIZZA_LIMIT),
            eb('t.leader_id', 'is', null),
            eb(eb.selectFrom('teams as t3').select((e) => e.fn.countAll().as('n')).whereRef('t3.leader_id', '=', 't.leader_id'), '>', 1),
          ]),
        );
      }
      const after = decodeCursor(query.cursor);
      if (after) q = q.where(sql`lower(t.name)`, '>', after);
      const rows = (await q.orderBy(sql`lower(t.name)`).limit(query.limit + 1).execute()) as Joined[];
      const items = rows.slice(0, query.limit).map(presentTeam);
      return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1].name.toLowerCase()) : null };
    },

    /** Ancestors of a team, nearest first, to refuse a parent that would make a loop. */
    async ancestorIds(trx: Db, teamId: string): Promise<string[]> {
      const ids: string[] = [];
      let current: string | null = teamId;
      while (current && ids.length < 10_000) {
        const row: { parent_id: string | null } | undefined = await trx.selectFrom('teams').select('parent_id').where('id', '=', current).executeTakeFirst();
        current = row?.parent_id ?? null;
        if (current) {
          if (ids.includes(current)) break;
          ids.push(current);
        }
      }
      return ids;
    },

    /** Every team under its parent, with its two-pizza findings and those the other checks add
     *  (keyed by lower-case team name). Two reads, whatever the number of teams. */
    async orgTree(more: (teams: { name: string; memberCount: number }[]) => Promise<Map<string, OrgFinding[]>>): Promise<OrgNode[]> {
      const rows = (await baseQuery(db).orderBy(sql`lower(t.name)`).execute()) as Joined[];
      const teams = rows.map((r) => ({ id: r.id, parentId: r.parent_id, team: presentTeam(r) }));
      const extra = await more(teams.map(({ team }) => ({ name: team.name.toLowerCase(), memberCount: team.memberCount })));
      const nodes = new Map<string, OrgNode>();
      for (const { id, team } of teams) {
        const findings = [...team.fitness.findings, ...(extra.get(team.name.toLowerCase()) ?? [])];
        nodes.set(id, { name: team.name, displayName: team.displayName, memberCount: team.memberCount, fit: team.fitness.fit, findings, children: [] });
      }
      const roots: OrgNode[] = [];
      for (const { id, parentId } of teams) {
        const parent = parentId ? nodes.get(parentId) : undefined;
        (parent ? parent.children : roots).push(nodes.get(id)!);
      }
      return roots;
    },
  };
}
export type TeamsStore = ReturnType<typeof createTeamsStore>;
