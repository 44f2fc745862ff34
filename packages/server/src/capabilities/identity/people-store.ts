import { push } from '../../platform/multimap';
import { sql } from 'kysely';
import type { Person } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { PeopleTable } from '../../platform/db/schema';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';

export type PersonRow = PeopleTable;

export const lowerEq = (column: string, value: string) => sql<boolean>`lower(${sql.ref(column)}) = ${value.toLowerCase()}`;

export function createPeopleStore(db: Db) {
  async function teamsOf(personIds: string[], trx: Db = db): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!personIds.length) return map;
    const rows = await trx
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['team_members.person_id', 'teams.name'])
      .where('team_members.person_id', 'in', personIds)
      .orderBy('teams.name')
      .execute();
    for (const r of rows) push(map, r.person_id, r.name);
    return map;
  }

  const present = (row: PersonRow, teams: string[]): Person => ({
    id: row.id,
    name: row.name,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    kind: row.kind,
    teams,
    createdAt: row.created_at,
  });

  return {
    byId: (id: string, trx: Db = db) => trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst(),
    byName: (name: string, trx: Db = db) => trx.selectFrom('people').selectAll().where(lowerEq('name', name)).executeTakeFirst(),
    byEmail: (email: string, trx: Db = db) => trx.selectFrom('people').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst(),
    countHumans: async (trx: Db = db) =>
      Number((await trx.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'person').executeTakeFirstOrThrow()).n),
    insert: (trx: Db, row: PersonRow) => trx.insertInto('people').values(row).execute(),

    /** Inside a transaction pass it as `trx`: the embedded database has one connection, held by the transaction. */
    async present(row: PersonRow, trx: Db = db): Promise<Person> {
      return present(row, (await teamsOf([row.id], trx)).get(row.id) ?? []);
    },

    async list(query: { q?: string; limit: number; cursor?: string }): Promise<{ items: Person[]; nextCursor: string | null }> {
      let q = db.selectFrom('people').selectAll();
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([eb(sql`lower(name)`, 'like', like), eb(sql`lower(display_name)`, 'like', like), eb(sql`lower(email)`, 'like', like)]),
        );
      }
      const after = decodeCursor(query.cursor);
      if (after) q = q.where(sql`lower(name)`, '>', after);
      const rows = await q.orderBy(sql`lower(name)`).limit(query.limit + 1).execute();
      const pageRows = rows.slice(0, query.limit);
      const teams = await teamsOf(pageRows.map((r) => r.id));
      return {
        items: pageRows.map((r) => present(r, teams.get(r.id) ?? [])),
        nextCursor: rows.length > query.limit ? encodeCursor(pageRows[pageRows.length - 1].name.toLowerCase()) : null,
      };
    },
  };
}
export type PeopleStore = ReturnType<typeof createPeopleStore>;
