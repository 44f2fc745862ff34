import { stringify } from 'yaml';
import type { Db } from '../../platform/db/database';
import type { CatalogStore } from './catalog-store';
import { push } from '../../platform/multimap';
import { entityAsDocument, teamAsGroupDocument, personAsUserDocument } from './backstage-mapping';

const PAGE = 1000;

/** The whole catalog as catalog-info.yaml documents: users, groups (teams), then entities by reference. */
export async function exportCatalog(db: Db, store: CatalogStore): Promise<string> {
  const docs: unknown[] = [];
  const memberships = await db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['t.name as team', 'p.name as person'])
    .orderBy('p.name')
    .execute();
  const teamsOf = new Map<string, string[]>();
  const membersOf = new Map<string, string[]>();
  for (const m of memberships) {
    push(teamsOf, m.person, m.team);
    push(membersOf, m.team, m.person);
  }
  const people = await db.selectFrom('people').select(['name', 'display_name', 'email']).where('kind', '=', 'person').orderBy('name').execute();
  for (const p of people) {
    docs.push(personAsUserDocument({ name: p.name, displayName: p.display_name, email: p.email, teams: teamsOf.get(p.name) ?? [] }));
  }
  const teams = await db.selectFrom('teams as t').leftJoin('teams as p', 'p.id', 't.parent_id').select(['t.name', 't.display_name', 't.mission', 'p.name as parent']).orderBy('t.name').execute();
  const childrenOf = new Map<string, string[]>();
  for (const t of teams) if (t.parent) push(childrenOf, t.parent, t.name);
  for (const t of teams) {
    docs.push(
      teamAsGroupDocument({
        name: t.name,
        displayName: t.display_name,
        mission: t.mission,
        parent: t.parent,
        children: childrenOf.get(t.name) ?? [],
        members: membersOf.get(t.name) ?? [],
      }),
    );
  }
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('catalog_entities').selectAll().where('ref_key', '>', after).orderBy('ref_key').limit(PAGE).execute();
    for (const e of await store.present(db, rows)) docs.push(entityAsDocument(e));
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].ref_key;
  }
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}
