import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Outbox } from '../../platform/outbox/index';
import { createWebhooksStore, WEBHOOK_SINK } from './webhooks-store';
import { createWebhooksService } from './webhooks-service';
import { createWebhookSender } from './webhook-sender';
import { linkTo, type SlackDescriber } from './webhook-formats';
import { describeAndon } from './andon-notices';
import { webhooksRoutes } from './webhooks-routes';

export { andonNotifier, type AndonNoticeData } from './andon-notices';
export { signBody } from './webhook-sender';
export type { SlackDescriber, SlackMessage } from './webhook-formats';
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
  const deliver = createWebhookSender({ db: deps.db, describers: { andon: describeAndon, ...deps.describers }, link: linkTo(deps.publicUrl) });
  deps.outbox.register(WEBHOOK_SINK, { targets: store.subscribers, deliver });
  return { service, routes: (app: FastifyInstance) => webhooksRoutes(app, service) };
}
