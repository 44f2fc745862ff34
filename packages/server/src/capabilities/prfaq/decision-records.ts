import { sql } from 'kysely';
import type { PrfaqDecision } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { PrfaqDecisionEventsTable, PrfaqDecisionsTable } from '../../platform/db/schema';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { randomBytes } from 'node:crypto';

export type DecisionRow = PrfaqDecisionsTable;
type EventRow = PrfaqDecisionEventsTable;

export const SYSTEM = 'system';

let counter = 0;
/** Event ids sort in the order the events happened, even within one millisecond (a no and the
 *  escalation it causes share their time): the time, then a counter, then randomness. */
const eventId = (at: string) => `${Date.parse(at).toString(36).padStart(9, '0')}-${(counter++ % 36 ** 8).toString(36).padStart(8, '0')}-${randomBytes(4).toString('hex')}`;

export async function addEvent(trx: Db, decisionId: string, e: Omit<EventRow, 'id' | 'decision_id' | 'reasons' | 'would_change_mind' | 'to_name'> & Partial<Pick<EventRow, 'reasons' | 'would_change_mind' | 'to_name'>>) {
  await trx.insertInto('prfaq_decision_events').values({ id: eventId(e.at), decision_id: decisionId, to_name: null, reasons: '', would_change_mind: '', ...e }).execute();
}

function present(d: DecisionRow & { number: number; title: string; team: string }, events: EventRow[]): PrfaqDecision {
  const mine = events.filter((e) => e.decision_id === d.id);
  return {
    id: d.id,
    prfaq: d.number,
    title: d.title,
    team: d.team,
    door: d.door,
    version: d.doc_version,
    requestedBy: d.requested_by,
    requestedAt: d.requested_at,
    windowSeconds: d.window_seconds,
    state: d.state,
    dueAt: d.due_at,
    decider: d.decider,
    outcome: d.outcome,
    decidedBy: d.decided_by,
    decidedAt: d.decided_at,
    how: d.how,
    reasons: d.reasons,
    wouldChangeMind: d.would_change_mind,
    secondsToDecision: d.decided_at ? Math.round((Date.parse(d.decided_at) - Date.parse(d.requested_at)) / 1000) : null,
    nos: mine.filter((e) => e.type === 'no').map((e) => ({ by: e.by_name, at: e.at, reasons: e.reasons, wouldChangeMind: e.would_change_mind })),
    commitments: mine.filter((e) => e.type === 'commitment').map((e) => ({ by: e.by_name, at: e.at, note: e.reasons })),
    events: mine.map((e) => ({ type: e.type, at: e.at, by: e.by_name, to: e.to_name, reasons: e.reasons, wouldChangeMind: e.would_change_mind })),
  };
}

function withDocument(trx: Db) {
  return trx.selectFrom('prfaq_decisions as d').innerJoin('prfaqs as p', 'p.id', 'd.prfaq_id').selectAll('d').select(['p.number', 'p.title', 'p.team']);
}

async function presentAll(trx: Db, rows: (DecisionRow & { number: number; title: string; team: string })[]) {
  if (!rows.length) return [];
  const events = await trx.selectFrom('prfaq_decision_events').selectAll().where('decision_id', 'in', rows.map((r) => r.id)).orderBy('at').orderBy('id').execute();
  return rows.map((r) => present(r, events));
}

/** Decision requests as the API shows them: with their nos, escalations and commitments. */
export const decisionRecords = {
  async one(trx: Db, id: string) {
    const row = await withDocument(trx).where('d.id', '=', id).executeTakeFirst();
    return row ? (await presentAll(trx, [row]))[0] : null;
  },
  async ofPrfaq(trx: Db, prfaqId: string) {
    return presentAll(trx, await withDocument(trx).where('d.prfaq_id', '=', prfaqId).orderBy('d.requested_at', 'desc').orderBy('d.id', 'desc').execute());
  },
  /** The decisions log: every request, newest first, for everyone to read. */
  async log(trx: Db, query: { team?: string; outcome?: 'yes' | 'no'; state?: DecisionRow['state']; limit: number; cursor?: string }) {
    let q = withDocument(trx);
    if (query.team) q = q.where('p.team', '=', query.team.toLowerCase());
    if (query.outcome) q = q.where('d.outcome', '=', query.outcome);
    if (query.state) q = q.where('d.state', '=', query.state);
    const before = decodeCursor(query.cursor);
    if (before) q = q.where(sql`d.requested_at || '|' || d.id`, '<', before);
    const rows = await q.orderBy('d.requested_at', 'desc').orderBy('d.id', 'desc').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: await presentAll(trx, page), nextCursor: rows.length > query.limit ? encodeCursor(`${last.requested_at}|${last.id}`) : null };
  },
};
