import type { Db } from '../../platform/db/database';
import { notify } from '../notifications/index';
import type { PrfaqRow } from './prfaq-store';

/** In-app notices for the people a PR/FAQ now waits on, written in the change's own transaction. */
export const prfaqNotices = {
  reviewInvited: (trx: Db, prfaq: PrfaqRow, round: number, reviewers: string[], by: string) =>
    Promise.all(
      reviewers.map((recipient) =>
        notify(trx, { recipient, kind: 'prfaq.review_invited', title: `${by} invites you to review PR/FAQ ${prfaq.number}: ${prfaq.title}`, body: `Round ${round}: read it in silence, then comment on the passages.`, link: `/prfaqs/${prfaq.number}` }),
      ),
    ),
  decisionNeeded: (trx: Db, prfaq: PrfaqRow, decider: string, why: string, dueAt: string | null) =>
    notify(trx, { recipient: decider, kind: 'prfaq.decision_needed', title: `PR/FAQ ${prfaq.number} waits on your decision: ${prfaq.title}`, body: `${why}${dueAt ? ` Decide by ${dueAt}, or it goes one level up.` : ''}`, link: `/prfaqs/${prfaq.number}` }),
  decided: (trx: Db, prfaq: PrfaqRow, outcome: 'yes' | 'no', by: string | null) =>
    notify(trx, { recipient: prfaq.author, kind: 'prfaq.decided', title: `PR/FAQ ${prfaq.number} is a ${outcome}: ${prfaq.title}`, body: by ? `${by} decided ${outcome}.` : 'Yes by default: the window closed without a written no.', link: `/prfaqs/${prfaq.number}` }),
};
