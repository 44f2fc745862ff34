import type { ActionItem, AndonPull } from '@dayone/contracts';
import type { OutboxNotice } from '../../platform/outbox/index';
import type { AndonNoticeData } from '../webhooks/index';
import type { PrfaqNoticeData } from '../prfaq/index';

/** Who a notice is for. Teams reach their members and their watchers; the rest reach their watchers
 *  only; people by name; admins when nobody owns the thing. The actor is left out. */
export interface Audience {
  teams?: string[];
  /** Catalog entity references (component:default/checkout). */
  entities?: string[];
  prfaqs?: number[];
  coes?: number[];
  people?: string[];
  admins?: boolean;
  actor?: string | null;
}

/** A notice as a person reads it, and who it is for. */
export interface Addressed {
  title: string;
  body: string;
  link: string;
  audience: Audience;
}

const nonEmpty = (xs: (string | null | undefined)[]) => xs.filter((x): x is string => !!x);

function targetText(pull: AndonPull): string {
  if (pull.target.kind === 'organisation') return 'the whole organisation';
  const env = pull.environment ? ` (${pull.environment})` : '';
  return `${pull.target.kind} ${pull.target.name ?? pull.target.ref ?? '?'}${env}`;
}

function andon(notice: OutboxNotice): Addressed {
  const { pull, actor } = notice.payload as AndonNoticeData;
  const on = targetText(pull);
  const last = pull.overrides[pull.overrides.length - 1];
  const text: Record<string, [string, string]> = {
    'andon.pulled': [`${actor} pulled the andon cord on ${on}`, `Severity ${pull.severity}: ${pull.reason}`],
    'andon.acknowledged': [`${actor} acknowledged andon pull #${pull.number} on ${on}`, `Reason: ${pull.reason}`],
    'andon.resolved': [`${actor} resolved andon pull #${pull.number} on ${on}`, pull.resolution ? `Resolution: ${pull.resolution}` : `Reason: ${pull.reason}`],
    'andon.overridden': [`${actor} let deploys through andon pull #${pull.number} on ${on}${last ? ` until ${last.expiresAt}` : ''}`, last ? `Override reason: ${last.reason}` : `Reason: ${pull.reason}`],
  };
  const [title, body] = text[notice.type] ?? [`Andon pull #${pull.number} on ${on}: ${notice.type}`, `Reason: ${pull.reason}`];
  const watched = pull.target.kind === 'service' || pull.target.kind === 'system' ? nonEmpty([pull.target.ref]) : [];
  return {
    title,
    body,
    link: `/andon/pulls/${pull.id}`,
    audience: { teams: nonEmpty([pull.ownerTeam]), entities: watched, admins: pull.ownerTeam === null, actor },
  };
}

function coe(notice: OutboxNotice): Addressed {
  const { item } = notice.payload as { item: ActionItem; path: string };
  return {
    title: `Overdue action item: ${item.title}`,
    body: `It was due on ${item.dueDate} (COE ${item.coe}). Mark it done, or won't do with a reason.`,
    link: `/coes/${item.coe}`,
    audience: { people: [item.owner], coes: [item.coe] },
  };
}

function prfaq(notice: OutboxNotice): Addressed {
  const d = notice.payload as PrfaqNoticeData;
  const { number, title, team, author } = d.prfaq;
  const link = `/prfaqs/${number}`;
  if (notice.type === 'prfaq.review_invited') {
    return { title: `${d.actor} invites you to review PR/FAQ ${number}: ${title}`, body: `Round ${d.round}: read it in silence, then comment on the passages.`, link, audience: { people: d.reviewers ?? [], actor: d.actor } };
  }
  if (notice.type === 'prfaq.decision_needed') {
    return { title: `PR/FAQ ${number} waits on your decision: ${title}`, body: `${d.why ?? ''}${d.dueAt ? ` Decide by ${d.dueAt}, or it goes one level up.` : ''}`.trim(), link, audience: { people: nonEmpty([d.decider]) } };
  }
  // prfaq.decided, and any later kind: the team, the author, the decider and the watchers.
  const outcome = d.outcome ?? 'decided';
  return {
    title: `PR/FAQ ${number} is a ${outcome}: ${title}`,
    body: d.actor ? `${d.actor} decided ${outcome}.` : 'Yes by default: the window closed without a written no.',
    link,
    audience: { teams: [team], people: nonEmpty([author, d.decider]), prfaqs: [number], actor: d.actor },
  };
}

const families: Record<string, (notice: OutboxNotice) => Addressed> = { andon, coe, prfaq };

/** How a notice reads in an inbox and whom it reaches; null for a family people do not get. */
export function addressNotice(notice: OutboxNotice): Addressed | null {
  const family = families[notice.type.split('.')[0]];
  return family ? family(notice) : null;
}
