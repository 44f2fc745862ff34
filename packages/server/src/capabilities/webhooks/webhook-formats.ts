import type { WebhookNotice } from '@dayone/contracts';
import type { OutboxNotice } from '../../platform/outbox/index';

/** A Slack incoming-webhook message (also understood by Mattermost and others). */
export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

/** Turns a web-app path into a link: absolute when the instance's public URL is known. */
export type LinkTo = (path: string) => string | null;

/** Describes notices of one family (the part of the type before the dot) for people reading Slack. */
export type SlackDescriber = (notice: OutboxNotice, link: LinkTo) => SlackMessage;

/** Slack's mrkdwn treats &, < and > as markup. */
export const slackEscape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function linkTo(publicUrl: string | undefined): LinkTo {
  return (path) => (publicUrl ? new URL(path, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString() : null);
}

export function jsonBody(notice: OutboxNotice): WebhookNotice {
  return { id: notice.id, type: notice.type, occurredAt: notice.occurredAt, data: notice.payload };
}

/** Notices no describer knows still reach Slack, as their type and time. */
function fallback(notice: OutboxNotice): SlackMessage {
  const text = `Day One: ${slackEscape(notice.type)} at ${notice.occurredAt}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

export function slackBody(notice: OutboxNotice, describers: Record<string, SlackDescriber>, link: LinkTo): SlackMessage {
  const describe = describers[notice.type.split('.')[0]];
  return describe ? describe(notice, link) : fallback(notice);
}
