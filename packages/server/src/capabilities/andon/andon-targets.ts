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

/** A component by reference (`component:default/checkout`), namespace/name, or plain name. */
export async function findService(db: Db, text: string) {
  const t = text.toLowerCase();
  const ref = t.includes(':') ? t : t.includes('/') ? `component:${t}` : `component:default/${t}`;
  const exact = await db.selectFrom('catalog_entities').select(['ref_key', 'name', 'owner_group']).where('ref_key', '=', ref).where('kind', '=', 'Component').executeTakeFirst();
  if (exact || t.includes(':') || t.includes('/')) return exact;
  return db.selectFrom('catalog_entities').select(['ref_key', 'name', 'owner_group']).where('kind', '=', 'Component').where(sql<string>`lower(name)`, '=', t).orderBy('ref_key').executeTakeFirst();
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
      return { kind: 'service', name: s.name, ref: s.ref_key, ownerTeam: await teamName(db, s.owner_group) };
    }
    case 'system': {
      const t = target.name.toLowerCase();
      const ref = t.includes(':') ? t : t.includes('/') ? `system:${t}` : `system:default/${t}`;
      const s = await db.selectFrom('catalog_entities').select(['ref_key', 'name', 'owner_group']).where('ref_key', '=', ref).executeTakeFirst();
      if (!s) throw notFound(`System "${target.name}"`);
      return { kind: 'system', name: s.name, ref: s.ref_key, ownerTeam: await teamName(db, s.owner_group) };
    }
    case 'team': {
      const team = await teamName(db, target.name);
      if (!team) throw notFound(`Team "${target.name}"`);
      return { kind: 'team', name: team, ref: `group:default/${team.toLowerCase()}`, ownerTeam: team };
    }
  }
}
