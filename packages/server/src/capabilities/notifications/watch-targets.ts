import { sql } from 'kysely';
import type { SubscriptionKind } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { normaliseRef, RefError } from '../catalog/entity-ref';

/** Something a person can watch, as a subscription shows it. */
export interface WatchTarget {
  id: string;
  name: string;
  title: string;
  link: string;
}

/** How a subscription names its target: a name (teams, services) or a number (PR/FAQs, COEs), or an id. */
export interface TargetName {
  name?: string;
  id?: string | number;
}

const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`;

const notFound = (kind: SubscriptionKind, what: string) => new AppError('NOTIFICATION_TARGET_NOT_FOUND', `There is no ${kind === 'service' ? 'catalog entity' : kind === 'prfaq' ? 'PR/FAQ' : kind === 'coe' ? 'COE' : 'team'} ${what} to watch.`);

/** Each kind: how to find targets by id or by the name people use, and how to show one. */
const kinds: Record<SubscriptionKind, { byIds: (trx: Db, ids: string[]) => Promise<WatchTarget[]>; idOf: (trx: Db, name: string) => Promise<string | undefined> }> = {
  team: {
    byIds: async (trx, ids) =>
      (await trx.selectFrom('teams').select(['id', 'name', 'display_name']).where('id', 'in', ids).execute()).map((t) => ({ id: t.id, name: t.name, title: t.display_name || t.name, link: path('teams', t.name) })),
    idOf: async (trx, name) => (await trx.selectFrom('teams').select('id').where(sql<string>`lower(name)`, '=', name.toLowerCase()).executeTakeFirst())?.id,
  },
  service: {
    byIds: async (trx, ids) =>
      (await trx.selectFrom('catalog_entities').select(['id', 'ref_key', 'namespace', 'name', 'title']).where('id', 'in', ids).execute()).map((e) => ({
        id: e.id,
        name: e.ref_key,
        title: e.title || e.name,
        link: path('catalog', e.ref_key.slice(0, e.ref_key.indexOf(':')), e.namespace.toLowerCase(), e.name.toLowerCase()),
      })),
    idOf: async (trx, name) => {
      let ref: string;
      try {
        ref = normaliseRef(name, { defaultKind: 'component' });
      } catch (e) {
        if (e instanceof RefError) return undefined;
        throw e;
      }
      return (await trx.selectFrom('catalog_entities').select('id').where('ref_key', '=', ref).executeTakeFirst())?.id;
    },
  },
  prfaq: {
    byIds: async (trx, ids) =>
      (await trx.selectFrom('prfaqs').select(['id', 'number', 'title']).where('id', 'in', ids).execute()).map((p) => ({ id: p.id, name: String(p.number), title: `PR/FAQ ${p.number}: ${p.title}`, link: path('prfaqs', String(p.number)) })),
    idOf: async (trx, name) => (/^\d{1,9}$/.test(name) ? (await trx.selectFrom('prfaqs').select('id').where('number', '=', Number(name)).executeTakeFirst())?.id : undefined),
  },
  coe: {
    byIds: async (trx, ids) =>
      (await trx.selectFrom('coes').select(['id', 'number', 'title']).where('id', 'in', ids).execute()).map((c) => ({ id: c.id, name: String(c.number), title: `COE ${c.number}: ${c.title}`, link: path('coes', String(c.number)) })),
    idOf: async (trx, name) => (/^\d{1,9}$/.test(name) ? (await trx.selectFrom('coes').select('id').where('number', '=', Number(name)).executeTakeFirst())?.id : undefined),
  },
};

/** The targets with these ids, by id; a target removed since is simply absent. */
export async function describeTargets(trx: Db, kind: SubscriptionKind, ids: string[]): Promise<Map<string, WatchTarget>> {
  if (!ids.length) return new Map();
  return new Map((await kinds[kind].byIds(trx, [...new Set(ids)])).map((t) => [t.id, t]));
}

/** The target a person names: a team's name, a service's name or reference, a document's number, or any
 *  target's id. Nothing by that name is 404 NOTIFICATION_TARGET_NOT_FOUND. */
export async function resolveTarget(trx: Db, kind: SubscriptionKind, given: TargetName): Promise<WatchTarget> {
  const text = String(given.name ?? given.id ?? '').trim();
  const id = (await kinds[kind].idOf(trx, text)) ?? text;
  const found = (await describeTargets(trx, kind, [id])).get(id);
  if (!found) throw notFound(kind, `"${text}"`);
  return found;
}

/** The target's id if it exists, else undefined (for list filters, where nothing matches rather than 404). */
export async function findTargetId(trx: Db, kind: SubscriptionKind, text: string): Promise<string | undefined> {
  try {
    return (await resolveTarget(trx, kind, { name: text })).id;
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}
