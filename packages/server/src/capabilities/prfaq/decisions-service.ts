import { sql } from 'kysely';
import { countWords, MIN_NO_WORDS } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { Actor, AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { assertDecidable } from './prfaq-sections';
import type { PrfaqRow, PrfaqStore } from './prfaq-store';
import { assertCanEdit } from './prfaq-policy';
import { currentWindowSeconds } from './decision-window';
import { leaderAbove, leaderOf, teamLedBy, type Leader } from './leaders';
import { addEvent, decisionRecords, SYSTEM, type DecisionRow } from './decision-records';
import type { PrfaqNotices } from './prfaq-notices';

const SYSTEM_ACTOR: Actor = { id: SYSTEM, name: SYSTEM };

interface Deps {
  db: Db;
  store: PrfaqStore;
  audit: AuditLog;
  clock: () => Date;
  /** The window when no admin setting says otherwise (DAYONE_DECISION_WINDOW, default 72 hours). */
  windowSeconds: number;
  mustFind: (trx: Db, n: number) => Promise<PrfaqRow>;
  /** Notices to the decider, the author, the team and the document's watchers. */
  notices: PrfaqNotices;
}

/** A written no: at least MIN_NO_WORDS words of reasons and what would change the writer's mind. */
function assertWrittenNo(reasons: string, wouldChangeMind: string) {
  const words = countWords(reasons);
  if (words < MIN_NO_WORDS) {
    throw new AppError('PRFAQ_NO_TOO_SHORT', `A no must give its reasons in at least ${MIN_NO_WORDS} words; these have ${words}. Silence is never a no, and a no is written down.`, {
      errors: [{ path: 'reasons', message: `has ${words} words; a no needs at least ${MIN_NO_WORDS}` }],
    });
  }
  if (!wouldChangeMind.trim()) throw fieldError('wouldChangeMind', 'say what would change your mind');
}

/** The Institutional Yes. A two-way door is yes when its window closes unless someone writes a no,
 *  and a no goes up to the parent team's leader (or another leader the author picks). A one-way door
 *  is decided by a named decider; silence sends it one level up. Nothing ever dies in silence. */
export function createDecisions({ db, store, audit, clock, windowSeconds, mustFind, notices }: Deps) {
  const at = () => clock().toISOString();
  const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

  async function mustFindDecision(trx: Db, prfaq: PrfaqRow, id: string): Promise<DecisionRow> {
    const row = await trx.selectFrom('prfaq_decisions').selectAll().where('id', '=', id).where('prfaq_id', '=', prfaq.id).executeTakeFirst();
    if (!row) throw new AppError('PRFAQ_DECISION_NOT_FOUND', `PR/FAQ ${prfaq.number} has no decision request ${id}.`);
    return row;
  }

  /** Writes a change to the request only if nobody changed it since it was read (the claim that makes
   *  each outcome happen once, across instances). */
  async function update(trx: Db, row: DecisionRow, set: Partial<DecisionRow>): Promise<boolean> {
    const r = await trx.updateTable('prfaq_decisions').set({ ...set, version: row.version + 1 }).where('id', '=', row.id).where('version', '=', row.version).where('state', '=', row.state).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The outcome, on the request and on the document's status, with who and why. */
  async function settle(trx: Db, prfaq: PrfaqRow, row: DecisionRow, o: { outcome: 'yes' | 'no'; by: string | null; how: 'default' | 'decider'; reasons: string; wouldChangeMind: string }, now: string) {
    const ok = await update(trx, row, { state: 'decided', due_at: null, outcome: o.outcome, decided_by: o.by, decided_at: now, how: o.how, reasons: o.reasons, would_change_mind: o.wouldChangeMind });
    if (!ok) return false;
    await addEvent(trx, row.id, { type: 'decided', at: now, by_name: o.by ?? SYSTEM, reasons: o.reasons, would_change_mind: o.wouldChangeMind });
    await store.recordStatus(trx, prfaq, 'decided', o.by ?? SYSTEM, now, o.how === 'default' ? 'Yes by default: the window closed without a written no.' : `${o.outcome === 'yes' ? 'Yes' : 'No'} from ${o.by}`, { decision: o.outcome });
    await notices.decided(trx, prfaq, o.outcome, o.by, row.decider);
    return true;
  }

  /** Hands the request to the next leader up (or, with nobody above, leaves it waiting on the one it has). */
  async function escalate(trx: Db, prfaq: PrfaqRow, row: DecisionRow, now: string, by: string, why: string, first?: Leader | null) {
    const skip = [prfaq.author, ...(row.decider ? [row.decider] : [])];
    const target = first !== undefined ? first : await leaderAbove(trx, row.decider_team ?? prfaq.team, skip);
    const window = await currentWindowSeconds(trx, windowSeconds);
    const set: Partial<DecisionRow> = target
      ? { state: 'escalated', decider: target.person, decider_team: target.team, due_at: plus(now, window), window_seconds: window }
      : { state: 'escalated', due_at: null };
    if (!(await update(trx, row, set))) return false;
    const waiting = row.decider ? `the decision waits for ${row.decider}` : 'the author may take it to a leader';
    await addEvent(trx, row.id, { type: 'escalated', at: now, by_name: by, to_name: target?.person ?? null, reasons: target ? why : `${why} Nobody leads a team above ${row.decider_team ?? prfaq.team}; ${waiting}.` });
    if (target) await notices.decisionNeeded(trx, prfaq, target.person, why, set.due_at ?? null);
    return true;
  }

  /** Runs the work on the document and the request, then records it in the audit log. */
  const onRequest = <T>(actor: Principal, n: number, id: string, action: string, work: (trx: Db, prfaq: PrfaqRow, row: DecisionRow) => Promise<T>) =>
    db.transaction().execute(async (trx) => {
      const prfaq = await mustFind(trx, n);
      const row = await mustFindDecision(trx, prfaq, id);
      await work(trx, prfaq, row);
      const result = (await decisionRecords.one(trx, id))!;
      await audit.record(trx, actor, { action, entityType: 'prfaq_decision', entityId: id, after: result });
      return result;
    });

  const refuseIfDecided = (row: DecisionRow) => {
    if (row.state === 'decided') throw new AppError('PRFAQ_ALREADY_DECIDED', `This request was decided ${row.outcome} by ${row.decided_by ?? 'default'} at ${row.decided_at}; one request gets one decision. Request a new decision to try another path.`);
  };

  return {
    ofPrfaq: (trx: Db, prfaq: PrfaqRow) => decisionRecords.ofPrfaq(trx, prfaq.id),
    log: (query: Parameters<typeof decisionRecords.log>[1]) => db.transaction().execute((trx) => decisionRecords.log(trx, query)),

    /** The author (or team) asks for a decision on the current version. */
    request: (actor: Principal, n: number, input: { door: 'two_way' | 'one_way'; decider?: string }) =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        await assertCanEdit(trx, actor, prfaq, 'ask for a decision');
        await store.lock(trx, prfaq);
        const pending = await trx.selectFrom('prfaq_decisions').select('id').where('prfaq_id', '=', prfaq.id).where('state', '!=', 'decided').executeTakeFirst();
        if (pending) throw new AppError('PRFAQ_DECISION_PENDING', `PR/FAQ ${n} has a decision pending (${pending.id}); one request at a time.`, { extensions: { pending: pending.id } });
        if (!['draft', 'in_review'].includes(prfaq.status) && !(prfaq.status === 'decided' && prfaq.decision === 'no')) {
          throw new AppError('PRFAQ_STATE', `PR/FAQ ${n} is ${prfaq.status}${prfaq.decision ? ` (${prfaq.decision})` : ''}; decisions are asked for drafts, documents in review and after a no.`);
        }
        if (input.decider && input.door === 'two_way') throw fieldError('decider', 'a two-way door has no decider: it is yes by default unless someone writes a no');
        assertDecidable(await store.sections(trx, prfaq.id));
        let decider: Leader | null = null;
        if (input.door === 'one_way') {
          if (input.decider) {
            const person = await trx.selectFrom('people').select('name').where(sql<string>`lower(name)`, '=', input.decider.toLowerCase()).executeTakeFirst();
            if (!person) throw fieldError('decider', `no person is named "${input.decider}"`);
            if (person.name.toLowerCase() === prfaq.author.toLowerCase()) throw fieldError('decider', 'must be someone other than the author');
            decider = { person: person.name, team: (await teamLedBy(trx, person.name))?.team ?? prfaq.team };
          } else {
            const own = await leaderOf(trx, prfaq.team);
            decider = (await leaderAbove(trx, prfaq.team, [prfaq.author])) ?? (own && own.person.toLowerCase() !== prfaq.author.toLowerCase() ? own : null);
            if (!decider) throw new AppError('PRFAQ_NO_DECIDER', `Nobody other than the author leads ${prfaq.team} or a team above it; name a decider.`, { errors: [{ path: 'decider', message: 'is needed: no leader above the team' }] });
          }
        }
        const now = at();
        const window = await currentWindowSeconds(trx, windowSeconds);
        const row: DecisionRow = {
          id: newId(), prfaq_id: prfaq.id, door: input.door, doc_version: prfaq.current_version, requested_by: actor.name, requested_at: now, window_seconds: window,
          state: 'open', due_at: plus(now, window), decider: decider?.person ?? null, decider_team: decider?.team ?? null,
          outcome: null, decided_by: null, decided_at: null, how: null, reasons: '', would_change_mind: '', version: 1,
        };
        await trx.insertInto('prfaq_decisions').values(row).execute();
        await addEvent(trx, row.id, { type: 'requested', at: now, by_name: actor.name, to_name: row.decider });
        if (row.decider) await notices.decisionNeeded(trx, prfaq, row.decider, `${actor.name} asks for a decision on a one-way door.`, row.due_at);
        if (prfaq.status !== 'in_review') await store.recordStatus(trx, prfaq, 'in_review', actor.name, now, `Decision requested (${input.door === 'two_way' ? 'two-way door' : 'one-way door'})`, { decision: null });
        const result = (await decisionRecords.one(trx, row.id))!;
        await audit.record(trx, actor, { action: 'prfaq.decision_requested', entityType: 'prfaq_decision', entityId: row.id, after: result });
        return result;
      }),

    /** A reviewer's written no on a two-way door: it does not end the request, it sends it up. */
    no: (actor: Principal, n: number, id: string, input: { reasons: string; wouldChangeMind: string }) =>
      onRequest(actor, n, id, 'prfaq.decision_no', async (trx, prfaq, row) => {
        refuseIfDecided(row);
        if (row.door === 'one_way') throw new AppError('PRFAQ_STATE', `A one-way door is decided by ${row.decider}; give your reasons in the review round.`);
        if (actor.name.toLowerCase() === prfaq.author.toLowerCase()) throw new AppError('PRFAQ_NOT_REVIEWER', 'The author cannot write a no on their own PR/FAQ; a no comes from a reviewer.');
        assertWrittenNo(input.reasons, input.wouldChangeMind);
        const now = at();
        await addEvent(trx, row.id, { type: 'no', at: now, by_name: actor.name, reasons: input.reasons, would_change_mind: input.wouldChangeMind });
        if (row.state === 'open') {
          const own = await leaderOf(trx, prfaq.team);
          const first = (await leaderAbove(trx, prfaq.team, [prfaq.author])) ?? (own && own.person.toLowerCase() !== prfaq.author.toLowerCase() ? own : null);
          if (!(await escalate(trx, prfaq, row, now, actor.name, `${actor.name} wrote a no; the leader above decides.`, first))) {
            throw new AppError('PRFAQ_ALREADY_DECIDED', 'The request changed while the no was written; reload it.');
          }
        }
      }),

    /** The decider's explicit answer: a one-way door's decider, or the leader a no escalated to. */
    decide: (actor: Principal, n: number, id: string, input: { answer: 'yes' | 'no'; reasons: string; wouldChangeMind: string }) =>
      onRequest(actor, n, id, 'prfaq.decided', async (trx, prfaq, row) => {
        refuseIfDecided(row);
        if (row.door === 'two_way' && row.state === 'open') {
          throw new AppError('PRFAQ_NOT_DECIDER', `Nobody decides a two-way door in its window: it is yes by default at ${row.due_at} unless a reviewer writes a no (POST …/no).`);
        }
        if (!row.decider || row.decider.toLowerCase() !== actor.name.toLowerCase()) {
          throw new AppError('PRFAQ_NOT_DECIDER', row.decider ? `Only ${row.decider} decides this request now.` : 'Nobody leads a team above; the author may take the request to a leader.');
        }
        if (input.answer === 'no') assertWrittenNo(input.reasons, input.wouldChangeMind);
        if (!(await settle(trx, prfaq, row, { outcome: input.answer, by: actor.name, how: 'decider', reasons: input.reasons, wouldChangeMind: input.wouldChangeMind }, at()))) {
          throw new AppError('PRFAQ_ALREADY_DECIDED', 'This request was decided a moment ago; reload it.');
        }
      }),

    /** Multiple paths to a yes: the author takes an escalated (or one-way) request to another leader. */
    redirect: (actor: Principal, n: number, id: string, input: { leader: string; note: string }) =>
      onRequest(actor, n, id, 'prfaq.decision_redirected', async (trx, prfaq, row) => {
        await assertCanEdit(trx, actor, prfaq, 'take the decision to another leader');
        refuseIfDecided(row);
        if (row.door === 'two_way' && row.state === 'open') throw new AppError('PRFAQ_STATE', 'A two-way door in its window needs no leader: it is yes by default unless someone writes a no.');
        const leader = await teamLedBy(trx, input.leader);
        if (!leader) throw fieldError('leader', `"${input.leader}" leads no team`);
        if (leader.person.toLowerCase() === prfaq.author.toLowerCase()) throw fieldError('leader', 'must be someone other than the author');
        if (row.decider && leader.person.toLowerCase() === row.decider.toLowerCase()) throw fieldError('leader', `${row.decider} has the request already`);
        const now = at();
        const window = await currentWindowSeconds(trx, windowSeconds);
        if (!(await update(trx, row, { decider: leader.person, decider_team: leader.team, due_at: plus(now, window), window_seconds: window }))) throw new AppError('PRFAQ_ALREADY_DECIDED', 'The request changed a moment ago; reload it.');
        await addEvent(trx, row.id, { type: 'redirected', at: now, by_name: actor.name, to_name: leader.person, reasons: input.note });
        await notices.decisionNeeded(trx, prfaq, leader.person, `${actor.name} brings the decision to you${input.note ? `: ${input.note}` : '.'}`, plus(now, window));
      }),

    /** Anyone may record "disagree and commit" on a yes, once. */
    commit: (actor: Principal, n: number, id: string, note: string) =>
      onRequest(actor, n, id, 'prfaq.disagree_and_commit', async (trx, _prfaq, row) => {
        if (row.outcome !== 'yes') throw new AppError('PRFAQ_STATE', 'Disagree and commit is recorded on a yes.');
        const again = await trx.selectFrom('prfaq_decision_events').select('id').where('decision_id', '=', row.id).where('type', '=', 'commitment').where('by_name', '=', actor.name).executeTakeFirst();
        if (again) throw new AppError('PRFAQ_STATE', `${actor.name} has recorded disagree and commit on this decision already.`);
        await addEvent(trx, row.id, { type: 'commitment', at: at(), by_name: actor.name, reasons: note });
      }),

    /** What the window's closing does to one request: a two-way door in silence is yes; a silent
     *  decider sends it one level up. Returns false when another instance got there first. */
    async applyDue(trx: Db, row: DecisionRow): Promise<boolean> {
      const prfaq = (await trx.selectFrom('prfaqs').selectAll().where('id', '=', row.prfaq_id).executeTakeFirst())!;
      const now = at();
      const applied =
        row.door === 'two_way' && row.state === 'open'
          ? await settle(trx, prfaq, row, { outcome: 'yes', by: null, how: 'default', reasons: 'The window closed without a written no: yes by default.', wouldChangeMind: '' }, now)
          : await escalate(trx, prfaq, row, now, SYSTEM, `${row.decider ?? 'The decider'} did not decide within the window; it goes one level up.`);
      if (applied) await audit.record(trx, SYSTEM_ACTOR, { action: row.door === 'two_way' && row.state === 'open' ? 'prfaq.default_yes' : 'prfaq.decision_escalated', entityType: 'prfaq_decision', entityId: row.id, after: await decisionRecords.one(trx, row.id) });
      return applied;
    },

    /** Requests whose window has closed, oldest first. */
    due: (trx: Db, limit = 100) => trx.selectFrom('prfaq_decisions').selectAll().where('state', '!=', 'decided').where('due_at', 'is not', null).where('due_at', '<=', at()).orderBy('due_at').limit(limit).execute(),
  };
}
export type Decisions = ReturnType<typeof createDecisions>;
