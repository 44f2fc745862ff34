import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import { fieldError } from '../../platform/errors/app-error';
import { prfaqExists } from '../prfaq/index';

/** The catalog references of the services an experiment changes. Each is written as a full reference
 *  (`component:default/checkout`), as `namespace/name` of a Component, or as a Component's name, and
 *  must be in the catalog (400 naming `services.N` otherwise). Duplicates collapse. */
export async function resolveServices(trx: Db, services: string[]): Promise<string[]> {
  const refs = new Set<string>();
  for (const [i, text] of services.entries()) {
    const t = text.trim().toLowerCase();
    const qualified = t.includes(':') || t.includes('/');
    const ref = t.includes(':') ? t : t.includes('/') ? `component:${t}` : `component:default/${t}`;
    let row = await trx.selectFrom('catalog_entities').select('ref_key').where('ref_key', '=', ref).executeTakeFirst();
    if (!row && !qualified) {
      row = await trx.selectFrom('catalog_entities').select('ref_key').where('kind', '=', 'Component').where(sql<string>`lower(name)`, '=', t).orderBy('ref_key').executeTakeFirst();
    }
    if (!row) throw fieldError(`services.${i}`, `"${text}" is not in the catalog`);
    refs.add(row.ref_key);
  }
  return [...refs];
}

/** The PR/FAQ an experiment tests, by its number, which must exist (400 naming `prfaq` otherwise). */
export async function resolvePrfaq(trx: Db, prfaq: number | string | undefined): Promise<string | null> {
  if (prfaq === undefined) return null;
  const number = Number(prfaq);
  if (!(await prfaqExists(trx, number))) throw fieldError('prfaq', `no PR/FAQ has the number ${number}`);
  return String(number);
}
