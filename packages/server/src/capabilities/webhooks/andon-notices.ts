import type { AndonPull } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { Outbox, OutboxNotice } from '../../platform/outbox/index';
import type { AndonNotifier } from '../andon/index';
import { slackEscape, type LinkTo, type SlackMessage } from './webhook-formats';

type AndonNoticeType = Parameters<AndonNotifier>[1];

/** The `data` of an andon notice: the pull as the API shows it, who acted, and the pull's page. */
export interface AndonNoticeData {
  pull: AndonPull;
  actor: string;
  path: string;
}

function actorOf(type: AndonNoticeType, pull: AndonPull): string {
  if (type === 'andon.acknowledged') return pull.acknowledgedBy ?? pull.pulledBy;
  if (type === 'andon.resolved') return pull.resolvedBy ?? pull.pulledBy;
  if (type === 'andon.overridden') return pull.overrides[pull.overrides.length - 1]?.by ?? pull.pulledBy;
  return pull.pulledBy;
}

/** Andon's `notify`: each pull, acknowledgement, resolution and override becomes an outbox notice,
 *  about the pull's owning team, in the same transaction as the change. */
export function andonNotifier(outbox: Outbox): AndonNotifier {
  return async (trx: Db, type, pull) => {
    const data: AndonNoticeData = { pull, actor: actorOf(type, pull), path: `/andon/pulls/${pull.id}` };
    await outbox.enqueue(trx, { type, team: pull.ownerTeam, payload: data });
  };
}

function targetText(pull: AndonPull): string {
  if (pull.target.kind === 'organisation') return 'the whole organisation';
  const env = pull.environment ? ` (${pull.environment})` : '';
  return `${pull.target.kind} *${slackEscape(pull.target.name ?? pull.target.ref ?? '?')}*${env}`;
}

/** Slack text for andon notices: who did what to which pull, why, how severe, and where to look. */
export function describeAndon(notice: OutboxNotice, link: LinkTo): SlackMessage {
  const { pull, actor, path } = notice.payload as AndonNoticeData;
  const who = slackEscape(actor);
  const number = `#${pull.number}`;
  const url = link(path);
  const ref = url ? `<${url}|Pull ${number}>` : `Pull ${number} (${path})`;
  const lastOverride = pull.overrides[pull.overrides.length - 1];
  const headline: Record<string, string> = {
    'andon.pulled': `:rotating_light: *${who}* pulled the andon cord on ${targetText(pull)}`,
    'andon.acknowledged': `:eyes: *${who}* acknowledged andon pull ${number} on ${targetText(pull)}`,
    'andon.resolved': `:white_check_mark: *${who}* resolved andon pull ${number} on ${targetText(pull)}`,
    'andon.overridden': `:warning: *${who}* let deploys through andon pull ${number} on ${targetText(pull)}${lastOverride ? ` until ${lastOverride.expiresAt}` : ''}`,
  };
  const why =
    notice.type === 'andon.resolved' && pull.resolution
      ? `Resolution: ${slackEscape(pull.resolution)}`
      : notice.type === 'andon.overridden' && lastOverride
        ? `Override reason: ${slackEscape(lastOverride.reason)}`
        : `Reason: ${slackEscape(pull.reason)}`;
  const title = headline[notice.type] ?? `andon pull ${number}: ${slackEscape(notice.type)}`;
  const facts = `Severity ${pull.severity} · owner ${pull.ownerTeam ? slackEscape(pull.ownerTeam) : 'none'} · status ${pull.status} · ${ref}`;
  return {
    text: `${title}\n${why}\n${facts}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${title}\n>${why}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: facts }] },
    ],
  };
}
