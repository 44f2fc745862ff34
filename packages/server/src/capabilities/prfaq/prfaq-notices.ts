import type { Db } from '../../platform/db/database';
import type { Outbox } from '../../platform/outbox/index';
import type { PrfaqRow } from './prfaq-store';

/** The `data` of a PR/FAQ notice: the document, who acted, and what the notice is about. */
export interface PrfaqNoticeData {
  prfaq: { id: string; number: number; title: string; team: string; author: string };
  /** The document's page in the web app. */
  path: string;
  /** Who caused the notice (null: the window closed by itself). */
  actor: string | null;
  /** prfaq.review_invited: the round and the people invited to it. */
  round?: number;
  reviewers?: string[];
  /** prfaq.decision_needed: who must decide, why, and by when; prfaq.decided: the request's decider. */
  decider?: string | null;
  why?: string;
  dueAt?: string | null;
  /** prfaq.decided */
  outcome?: 'yes' | 'no';
}

const about = (prfaq: PrfaqRow): PrfaqNoticeData['prfaq'] => ({ id: prfaq.id, number: prfaq.number, title: prfaq.title, team: prfaq.team, author: prfaq.author });

/** Notices for the people a PR/FAQ now waits on, and for its team and watchers: outbox notices
 *  (webhooks, inboxes, personal webhooks) written in the change's own transaction. None without an outbox. */
export function createPrfaqNotices(outbox?: Outbox) {
  const send = async (trx: Db, type: string, prfaq: PrfaqRow, data: Omit<PrfaqNoticeData, 'prfaq' | 'path'>) => {
    const payload: PrfaqNoticeData = { prfaq: about(prfaq), path: `/prfaqs/${prfaq.number}`, ...data };
    await outbox?.enqueue(trx, { type, team: prfaq.team, payload });
  };
  return {
    reviewInvited: (trx: Db, prfaq: PrfaqRow, round: number, reviewers: string[], by: string) => send(trx, 'prfaq.review_invited', prfaq, { actor: by, round, reviewers }),
    decisionNeeded: (trx: Db, prfaq: PrfaqRow, decider: string, why: string, dueAt: string | null) => send(trx, 'prfaq.decision_needed', prfaq, { actor: null, decider, why, dueAt }),
    decided: (trx: Db, prfaq: PrfaqRow, outcome: 'yes' | 'no', by: string | null, decider: string | null) => send(trx, 'prfaq.decided', prfaq, { actor: by, outcome, decider }),
  };
}
export type PrfaqNotices = ReturnType<typeof createPrfaqNotices>;
