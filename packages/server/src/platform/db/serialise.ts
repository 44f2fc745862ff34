import { sql } from 'kysely';
import type { Db, Dialect } from './database';

/** Numbers for transaction-scoped locks; one per sequence that must not fork. */
export const LOCKS = { audit: 7412001, andonNumber: 7412002, experimentEvents: 7412003, coeNumber: 7412004, prfaqNumber: 7412007 } as const;

/** Makes transactions that take the same lock run one after another until they commit. SQLite
 *  transactions are serial already; PostgreSQL gets a transaction-scoped advisory lock. */
export async function serialise(trx: Db, dialect: Dialect, lock: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${lock})`.execute(trx);
}
