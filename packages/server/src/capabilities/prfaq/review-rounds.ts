import { sql } from 'kysely';
import type { PrfaqComment, PrfaqCommentAnchor, PrfaqReviewRound, PrfaqThread } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import type { PrfaqCommentsTable, PrfaqRoundsTable } from '../../platform/db/schema';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { readingMinutes, textAt, wordCount, type Sections } from './prfaq-sections';
import { presentVersion, type PrfaqRow, type PrfaqStore } from './prfaq-store';
import { assertCanEdit, canEdit } from './prfaq-policy';
import type { PrfaqNotices } from './prfaq-notices';

type RoundRow = PrfaqRoundsTable;

export function presentComment(c: PrfaqCommentsTable): PrfaqComment {
  const anchor: PrfaqCommentAnchor | null = c.section
    ? { section: c.section as PrfaqCommentAnchor['section'], field: c.field!, start: c.start_offset!, end: c.end_offset!, quote: c.quote! }
    : null;
  return { id: c.id, parentId: c.parent_id, author: c.author, at: c.at, body: c.body, anchor, resolved: !!c.resolved_at, resolvedBy: c.resolved_by, resolvedAt: c.resolved_at };
}

/** Comments as threads, in order: each first comment with every reply under it (replies to replies
 *  included, each naming its parent). */
export function threads(rows: PrfaqCommentsTable[]): PrfaqThread[] {
  const parentOf = new Map(rows.map((c) => [c.id, c.parent_id]));
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    while (parentOf.get(current) && !seen.has(current)) {
      seen.add(current);
      current = parentOf.get(current)!;
    }
    return current;
  };
  const roots = new Map<string, PrfaqThread>();
  for (const c of rows) if (!c.parent_id) roots.set(c.id, { ...presentComment(c), replies: [] });
  for (const c of rows) if (c.parent_id) roots.get(rootOf(c.id))?.replies.push(presentComment(c));
  return [...roots.values()];
}

/** Review rounds: the author freezes a version for review, invites reviewers, and everyone comments on
 *  passages in threads that the author resolves; the next round reviews a revised version. */
export function createReviewRounds({ db, store, audit, clock, mustFind, notices }: { db: Db; store: PrfaqStore; audit: AuditLog; clock: () => Date; mustFind: (trx: Db, n: number) => Promise<PrfaqRow>; notices: PrfaqNotices }) {
  const now = () => clock().toISOString();

  async function mustFindRound(trx: Db, prfaq: PrfaqRow, n: number): Promise<RoundRow> {
    const round = await trx.selectFrom('prfaq_rounds').selectAll().where('prfaq_id', '=', prfaq.id).where('number', '=', n).executeTakeFirst();
    if (!round) throw new AppError('PRFAQ_ROUND_NOT_FOUND', `PR/FAQ ${prfaq.number} has no review round ${n}.`);
    return round;
  }

  async function people(trx: Db, names: string[], path: string): Promise<string[]> {
    const found = new Map<string, string>();
    for (const [i, name] of names.entries()) {
      const p = await trx.selectFrom('people').select('name').where(sql<string>`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
      if (!p) throw fieldError(`${path}.${i}`, `no person is named "${name}"`);
      found.set(p.name.toLowerCase(), p.name);
    }
    return [...found.values()];
  }

  async function invite(trx: Db, prfaq: PrfaqRow, round: RoundRow, names: string[], by: string) {
    const existing = new Set((await trx.selectFrom('prfaq_round_reviewers').select('person').where('round_id', '=', round.id).execute()).map((r) => r.person.toLowerCase()));
    const fresh = names.filter((n) => !existing.has(n.toLowerCase()));
    if (!fresh.length) return;
    await trx.insertInto('prfaq_round_reviewers').values(fresh.map((person) => ({ round_id: round.id, person, invited_by: by, invited_at: now() }))).execute();
    await notices.reviewInvited(trx, prfaq, round.number, fresh, by);
  }

  async function present(trx: Db, round: RoundRow): Promise<PrfaqReviewRound> {
    const reviewers = await trx.selectFrom('prfaq_round_reviewers').select('person').where('round_id', '=', round.id).orderBy('invited_at').orderBy('person').execute();
    const open = await trx.selectFrom('prfaq_comments').select((eb) => eb.fn.countAll().as('n')).where('round_id', '=', round.id).where('parent_id', 'is', null).where('resolved_at', 'is', null).executeTakeFirst();
    return {
      number: round.number,
      version: round.doc_version,
      startedBy: round.started_by,
      startedAt: round.started_at,
      closedAt: round.closed_at,
      reviewers: reviewers.map((r) => r.person),
      wordCount: round.word_count,
      readingMinutes: round.reading_minutes,
      openComments: Number(open?.n ?? 0),
    };
  }

  async function meeting(trx: Db, prfaq: PrfaqRow, round: RoundRow) {
    const version = (await store.version(trx, prfaq.id, round.doc_version))!;
    const comments = await trx.selectFrom('prfaq_comments').selectAll().where('round_id', '=', round.id).orderBy('at').orderBy('id').execute();
    return { ...(await present(trx, round)), document: presentVersion(version), comments: threads(comments) };
  }

  /** An anchor must point at text that is really there in the round's frozen version. */
  function checkAnchor(anchor: PrfaqCommentAnchor, sections: Sections, version: number) {
    const text = textAt(sections[anchor.section], anchor.field);
    if (text === null) throw fieldError('anchor.field', `is not a text field of ${anchor.section} (e.g. summary, 0.answer, howTo)`);
    if (anchor.end <= anchor.start) throw fieldError('anchor.end', 'must be after start');
    if (anchor.end > text.length) throw fieldError('anchor.end', `is past the end of the text (${text.length} characters)`);
    if (text.slice(anchor.start, anchor.end) !== anchor.quote) throw fieldError('anchor.quote', `is not the text at ${anchor.start}–${anchor.end} of ${anchor.section}.${anchor.field} in version ${version}`);
  }

  const inRound = <T>(n: number, r: number, work: (trx: Db, prfaq: PrfaqRow, round: RoundRow) => Promise<T>) =>
    db.transaction().execute(async (trx) => {
      const prfaq = await mustFind(trx, n);
      return work(trx, prfaq, await mustFindRound(trx, prfaq, r));
    });

  return {
    list: async (trx: Db, prfaq: PrfaqRow) => {
      const rounds = await trx.selectFrom('prfaq_rounds').selectAll().where('prfaq_id', '=', prfaq.id).orderBy('number').execute();
      return Promise.all(rounds.map((r) => present(trx, r)));
    },

    /** Freezes the current version for review and closes the round before it. A round needs something
     *  new to read: the version must differ from the one the last round reviewed. */
    start: (actor: Principal, n: number, reviewers: string[]) =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        await assertCanEdit(trx, actor, prfaq, 'start a review round');
        await store.lock(trx, prfaq);
        if (!['draft', 'in_review'].includes(prfaq.status) && !(prfaq.status === 'decided' && prfaq.decision === 'no')) {
          throw new AppError('PRFAQ_STATE', `PR/FAQ ${n} is ${prfaq.status}${prfaq.decision ? ` (${prfaq.decision})` : ''}; review rounds are for drafts, documents in review and no's being revised.`);
        }
        const last = await trx.selectFrom('prfaq_rounds').selectAll().where('prfaq_id', '=', prfaq.id).orderBy('number', 'desc').limit(1).executeTakeFirst();
        if (last && last.doc_version === prfaq.current_version) {
          throw new AppError('PRFAQ_STATE', `Round ${last.number} reviewed version ${last.doc_version} and nothing has changed since; revise the document, then start the next round.`);
        }
        const names = await people(trx, reviewers, 'reviewers');
        const at = now();
        if (last && !last.closed_at) await trx.updateTable('prfaq_rounds').set({ closed_at: at }).where('id', '=', last.id).execute();
        const version = (await store.version(trx, prfaq.id, prfaq.current_version))!;
        const words = wordCount(JSON.parse(version.sections_json));
        const round: RoundRow = { id: newId(), prfaq_id: prfaq.id, number: (last?.number ?? 0) + 1, doc_version: prfaq.current_version, started_by: actor.name, started_at: at, closed_at: null, word_count: words, reading_minutes: readingMinutes(words) };
        await trx.insertInto('prfaq_rounds').values(round).execute();
        await invite(trx, prfaq, round, names, actor.name);
        if (prfaq.status !== 'in_review') await store.recordStatus(trx, prfaq, 'in_review', actor.name, at, `Review round ${round.number} on version ${round.doc_version}`, { decision: null });
        const result = await present(trx, round);
        await audit.record(trx, actor, { action: 'prfaq.round_started', entityType: 'prfaq', entityId: prfaq.id, after: result });
        return result;
      }),

    meeting: (n: number, r: number) => inRound(n, r, meeting),

    invite: (actor: Principal, n: number, r: number, reviewers: string[]) =>
      inRound(n, r, async (trx, prfaq, round) => {
        await assertCanEdit(trx, actor, prfaq, 'invite reviewers');
        if (round.closed_at) throw new AppError('PRFAQ_ROUND_CLOSED', `Review round ${r} of PR/FAQ ${n} is closed.`);
        await invite(trx, prfaq, round, await people(trx, reviewers, 'reviewers'), actor.name);
        const result = await present(trx, round);
        await audit.record(trx, actor, { action: 'prfaq.reviewers_invited', entityType: 'prfaq', entityId: prfaq.id, after: { round: r, reviewers } });
        return result;
      }),

    close: (actor: Principal, n: number, r: number) =>
      inRound(n, r, async (trx, prfaq, round) => {
        await assertCanEdit(trx, actor, prfaq, 'close a review round');
        if (round.closed_at) throw new AppError('PRFAQ_ROUND_CLOSED', `Review round ${r} of PR/FAQ ${n} is closed already.`);
        await trx.updateTable('prfaq_rounds').set({ closed_at: now() }).where('id', '=', round.id).execute();
        const result = await present(trx, { ...round, closed_at: now() });
        await audit.record(trx, actor, { action: 'prfaq.round_closed', entityType: 'prfaq', entityId: prfaq.id, after: result });
        return result;
      }),

    /** Anyone signed in comments on an open round: a new thread (optionally on a passage) or a reply. */
    comment: (actor: Principal, n: number, r: number, input: { body: string; anchor?: PrfaqCommentAnchor; parentId?: string }) =>
      inRound(n, r, async (trx, prfaq, round) => {
        if (round.closed_at) throw new AppError('PRFAQ_ROUND_CLOSED', `Review round ${r} of PR/FAQ ${n} is closed; comment on the current round.`);
        if (input.parentId) {
          const parent = await trx.selectFrom('prfaq_comments').select('id').where('id', '=', input.parentId).where('round_id', '=', round.id).executeTakeFirst();
          if (!parent) throw new AppError('PRFAQ_COMMENT_NOT_FOUND', `Round ${r} of PR/FAQ ${n} has no comment ${input.parentId} to reply to.`);
          if (input.anchor) throw fieldError('anchor', 'a reply belongs to its thread; only the first comment points at a passage');
        }
        if (input.anchor) checkAnchor(input.anchor, JSON.parse((await store.version(trx, prfaq.id, round.doc_version))!.sections_json), round.doc_version);
        const a = input.anchor;
        const row: PrfaqCommentsTable = {
          id: newId(), round_id: round.id, parent_id: input.parentId ?? null, author: actor.name, at: now(), body: input.body,
          section: a?.section ?? null, field: a?.field ?? null, start_offset: a?.start ?? null, end_offset: a?.end ?? null, quote: a?.quote ?? null, resolved_by: null, resolved_at: null,
        };
        await trx.insertInto('prfaq_comments').values(row).execute();
        const comment = presentComment(row);
        await audit.record(trx, actor, { action: 'prfaq.commented', entityType: 'prfaq', entityId: prfaq.id, after: { round: r, ...comment } });
        return comment;
      }),

    /** The comment's author, the document's author or its team resolve (or reopen) a comment; the answer
   *  is the thread it belongs to. */
    resolve: (actor: Principal, n: number, r: number, id: string, resolved: boolean) =>
      inRound(n, r, async (trx, prfaq, round) => {
        const row = await trx.selectFrom('prfaq_comments').selectAll().where('id', '=', id).where('round_id', '=', round.id).executeTakeFirst();
        if (!row) throw new AppError('PRFAQ_COMMENT_NOT_FOUND', `Round ${r} of PR/FAQ ${n} has no comment ${id}.`);
        if (row.author.toLowerCase() !== actor.name.toLowerCase() && !(await canEdit(trx, actor, prfaq))) {
          throw new AppError('PRFAQ_EDIT_FORBIDDEN', `Only ${row.author}, ${prfaq.author} or members of ${prfaq.team} may resolve this comment.`);
        }
        const set = resolved ? { resolved_by: actor.name, resolved_at: now() } : { resolved_by: null, resolved_at: null };
        await trx.updateTable('prfaq_comments').set(set).where('id', '=', id).execute();
        const all = await trx.selectFrom('prfaq_comments').selectAll().where('round_id', '=', round.id).orderBy('at').orderBy('id').execute();
        const result = threads(all).find((t) => t.id === id || t.replies.some((c) => c.id === id))!;
        await audit.record(trx, actor, { action: resolved ? 'prfaq.comment_resolved' : 'prfaq.comment_reopened', entityType: 'prfaq', entityId: prfaq.id, after: { round: r, id } });
        return result;
      }),
  };
}
export type ReviewRounds = ReturnType<typeof createReviewRounds>;
