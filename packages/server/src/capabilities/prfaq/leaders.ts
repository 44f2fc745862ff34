import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

export interface Leader {
  person: string;
  team: string;
}

async function team(trx: Db, name: string) {
  return trx
    .selectFrom('teams as t')
    .leftJoin('people as p', 'p.id', 't.leader_id')
    .select(['t.name', 't.parent_id', 'p.name as leader'])
    .where(sql<string>`lower(t.name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

/** The first leader above a team, walking up its parents, who is not `skip` (the person it comes
 *  from, or the author): the parent team's leader, or the one above when that team has none. */
export async function leaderAbove(trx: Db, teamName: string, skip: string[] = []): Promise<Leader | null> {
  const avoid = new Set(skip.map((s) => s.toLowerCase()));
  const seen = new Set<string>();
  let current = await team(trx, teamName);
  while (current?.parent_id && !seen.has(current.parent_id)) {
    seen.add(current.parent_id);
    const parent = await trx
      .selectFrom('teams as t')
      .leftJoin('people as p', 'p.id', 't.leader_id')
      .select(['t.name', 't.parent_id', 'p.name as leader'])
      .where('t.id', '=', current.parent_id)
      .executeTakeFirst();
    if (!parent) return null;
    if (parent.leader && !avoid.has(parent.leader.toLowerCase())) return { person: parent.leader, team: parent.name.toLowerCase() };
    current = parent;
  }
  return null;
}

/** The team's own leader (when nobody leads a team above it). */
export async function leaderOf(trx: Db, teamName: string): Promise<Leader | null> {
  const t = await team(trx, teamName);
  return t?.leader ? { person: t.leader, team: t.name.toLowerCase() } : null;
}

/** A team the person leads, if any: "another leader" the author may take a no to. */
export async function teamLedBy(trx: Db, person: string): Promise<{ person: string; team: string } | null> {
  const row = await trx
    .selectFrom('teams as t')
    .innerJoin('people as p', 'p.id', 't.leader_id')
    .select(['t.name', 'p.name as person'])
    .where(sql<string>`lower(p.name)`, '=', person.toLowerCase())
    .orderBy('t.name')
    .executeTakeFirst();
  return row ? { person: row.person, team: row.name.toLowerCase() } : null;
}
