import type { AuditVerification } from '@dayone/contracts';
import type { Db } from '../db/database';
import { entryHash, GENESIS_HASH } from './audit-log';

const BATCH = 1000;

/** Walks the chain in order and reports the first entry that was altered, removed or re-linked. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(BATCH).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, firstBad: { seq: expectedSeq, reason: `entry ${expectedSeq} was removed (next entry is ${row.seq})` } };
      }
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, firstBad: { seq: row.seq, reason: `entry ${row.seq} does not link to the entry before it` } };
      }
      if (entryHash(row) !== row.hash) {
        return { ok: false, checked, firstBad: { seq: row.seq, reason: `entry ${row.seq} was altered after it was written` } };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) return { ok: true, checked, firstBad: null };
  }
}
