import type { Db } from '../../platform/db/database';
import type { AttemptResult, DeliveryContext, OutboxNotice, Sink } from '../../platform/outbox/index';
import { inboxRow } from './notify';
import { addressNotice } from './notice-addresses';
import { recipientsOf } from './notice-recipients';
import { choicesOf } from './notice-choices';

/** The outbox sink for people: deliveries to personal webhooks, keyed by the person's id. */
export const PERSON_SINK = 'person';

/** Fans every outbox notice out to people, inside the enqueuing transaction: an inbox entry for each
 *  recipient who keeps the kind in their inbox, and a delivery for each who chose their own webhook
 *  for it and has one. The notice, its inbox entries and its deliveries commit together or not at all. */
export function createPersonSink(deps: { db: Db; deliver: (context: DeliveryContext) => Promise<AttemptResult> }): Sink {
  return {
    async targets(trx: Db, notice: OutboxNotice): Promise<string[]> {
      const addressed = addressNotice(notice);
      if (!addressed) return [];
      const people = await recipientsOf(trx, addressed.audience);
      const choice = await choicesOf(trx, [notice.type], people);
      const inbox = people.filter((id) => choice(id, notice.type).inbox);
      if (inbox.length) {
        const rows = inbox.map((id) => inboxRow({ recipientId: id, kind: notice.type, title: addressed.title, body: addressed.body, link: addressed.link, at: notice.occurredAt, noticeId: notice.id }));
        await trx.insertInto('notifications').values(rows).execute();
      }
      const webhook = people.filter((id) => choice(id, notice.type).webhook);
      if (!webhook.length) return [];
      const withUrl = await trx.selectFrom('notification_settings').select('person_id').where('person_id', 'in', webhook).where('webhook_url', 'is not', null).execute();
      return withUrl.map((r) => r.person_id).sort();
    },
    deliver: deps.deliver,
  };
}
