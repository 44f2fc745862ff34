import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Outbox } from '../../platform/outbox/index';
import { createWebhooksStore, WEBHOOK_SINK } from './webhooks-store';
import { createWebhooksService } from './webhooks-service';
import { createWebhookSender, type HookLookup } from './webhook-sender';
import { linkTo, type SlackDescriber } from './webhook-formats';
import { describeAndon } from './andon-notices';
import { webhooksRoutes } from './webhooks-routes';

export { andonNotifier, type AndonNoticeData } from './andon-notices';
export { signBody, type HookLookup } from './webhook-sender';
export { newWebhookSecret } from './webhooks-service';
export { slackEscape, type LinkTo, type SlackDescriber, type SlackMessage } from './webhook-formats';
export type { WebhooksService } from './webhooks-service';

/** Webhooks: teams subscribe a URL to outbox notices, delivered as signed JSON or as Slack messages.
 *  Registers itself with the outbox as the 'webhook' sink; the delivery worker does the sending. */
export function createWebhooks(deps: {
  db: Db;
  audit: AuditLog;
  outbox: Outbox;
  /** The web app's address, for absolute links in Slack messages (DAYONE_PUBLIC_URL). */
  publicUrl?: string;
  /** Slack text per notice family (the type's part before the dot); andon is built in. */
  describers?: Record<string, SlackDescriber>;
}) {
  const store = createWebhooksStore(deps.db);
  const service = createWebhooksService({ db: deps.db, store, audit: deps.audit });
  /** A sender for any sink whose targets are webhooks: signed, in either format, with the same describers. */
  const senderFor = (lookup: HookLookup) => createWebhookSender({ lookup, describers: { andon: describeAndon, ...deps.describers }, link: linkTo(deps.publicUrl) });
  const deliver = senderFor((id) => deps.db.selectFrom('webhooks').select(['url', 'format', 'secret', 'active']).where('id', '=', id).executeTakeFirst());
  deps.outbox.register(WEBHOOK_SINK, { targets: store.subscribers, deliver });
  return {
    service,
    senderFor,
    /** The delivery log of one target of a sink (a team webhook's, or a person's own webhook's). */
    deliveryLog: (sink: string, targetId: string, query: Parameters<typeof store.deliveries>[1]) => store.deliveries(targetId, query, sink),
    routes: (app: FastifyInstance) => webhooksRoutes(app, service),
  };
}
