import { sql } from 'kysely';
import type { PullTarget } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';

export interface ResolvedTarget {
  kind: PullTarget['kind'];
  name: string | null;
  ref: string | null;
  ownerTeam: string | null;
}

/** An entity with the name of the team that owns it, if that team exists (one query). */
function withOwnerTeam(db: Db) {
  return db
    .selectFrom('catalog_entities as e')
    .leftJoin('teams as t', (join) => join.on(sql<string>`lower(t.name)`, '=', sql<string>`lower(e.owner_group)`))
    .select(['e.ref_key', 'e.name', 'e.owner_group', 't.name as owner_team']);
}

/** A component by reference (`component:default/checkout`), namespace/name, or plain name, with its
 *  owning team's name. */
export async function findService(db: Db, text: string) {
  const t = text.toLowerCase();
  const ref = t.includes(':') ? t : t.includes('/') ? `component:${t}` : `component:default/${t}`;
  const exact = await withOwnerTeam(db).where('e.ref_key', '=', ref).where('e.kind', '=', 'Component').executeTakeFirst();
  if (exact || t.includes(':') || t.includes('/')) return exact;
  return withOwnerTeam(db).where('e.kind', '=', 'Component').where(sql<string>`lower(e.name)`, '=', t).orderBy('e.ref_key').executeTakeFirst();
}

async function teamName(db: Db, group: string | null): Promise<string | null> {
  if (!group) return null;
  return (await db.selectFrom('teams').select('name').where(sql<string>`lower(name)`, '=', group.toLowerCase()).executeTakeFirst())?.name ?? null;
}

/** What a pull stops, and which team may release it (none: only admins). */
export async function resolveTarget(db: Db, target: PullTarget): Promise<ResolvedTarget> {
  const notFound = (what: string) =>
    new AppError('ANDON_TARGET_NOT_FOUND', `${what} is not in the catalog.`, { errors: [{ path: 'target.name', message: `${what} does not exist` }] });
  switch (target.kind) {
    case 'organisation':
      return { kind: 'organisation', name: null, ref: null, ownerTeam: null };
    case 'service': {
      const s = await findService(db, target.name);
      if (!s) throw notFound(`Service "${target.name}"`);
      return { kind: 'service', name: s.name, ref: s.ref_key, ownerTeam: s.owner_team ?? null };
    }
    case 'system': {
      const t = target.name.toLowerCase();
      const ref = t.includes(':') ? t : t.includes('/') ? `system:${t}` : `system:default/${t}`;
      const s = await withOwnerTeam(db).where('e.ref_key', '=', ref).executeTakeFirst();
      if (!s) throw notFound(`System "${target.name}"`);
      return { kind: 'system', name: s.name, ref: s.ref_key, ownerTeam: s.owner_team ?? null };
    }
    case 'team': {
      const team = await teamName(db, target.name);
      if (!team) throw notFound(`Team "${target.name}"`);
      return { kind: 'team', name: team, ref: `group:default/${team.toLowerCase()}`, ownerTeam: team };
    }
  }
}
