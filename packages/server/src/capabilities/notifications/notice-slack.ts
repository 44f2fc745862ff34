import type { OutboxNotice } from '../../platform/outbox/index';
import { slackEscape, type LinkTo, type SlackMessage } from '../webhooks/index';
import { addressNotice } from './notice-addresses';

/** Slack text for the notice families whose inbox wording suffices (COE reminders, PR/FAQs): the
 *  inbox title in bold, its body, and a link to the page. */
export function describeAddressed(notice: OutboxNotice, link: LinkTo): SlackMessage {
  const addressed = addressNotice(notice);
  if (!addressed) return { text: slackEscape(notice.type) };
  const url = link(addressed.link);
  const where = url ? `<${url}|Open in Day One>` : addressed.link;
  const text = `*${slackEscape(addressed.title)}*\n${slackEscape(addressed.body)}`;
  return { text: `${text}\n${where}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, { type: 'context', elements: [{ type: 'mrkdwn', text: where }] }] };
}
