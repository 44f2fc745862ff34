import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { AttemptResult, DeliveryContext, Outbox } from '../../platform/outbox/index';
import { createNotificationsStore } from './notifications-store';
import { createNotificationsService } from './notifications-service';
import { createSubscriptionsService } from './subscriptions-service';
import { createPreferencesService } from './preferences-service';
import { createPersonSink, PERSON_SINK } from './personal-sink';
import { notificationsRoutes, type DeliveryLog } from './notifications-routes';

/** Where a person's own webhook is, read when a delivery is sent; nothing when they removed it. */
export type PersonalHookLookup = (personId: string) => Promise<{ url: string; format: 'json' | 'slack'; secret: string; active: boolean } | undefined>;

/** The in-app inbox, what people watch, and how each kind of notice reaches them. Every outbox notice
 *  (andon, COE reminders, PR/FAQ reviews and decisions) is fanned out to people by the person sink in
 *  the notice's own transaction; capabilities may also post to one inbox with notify(trx, …). */
export function createNotifications(deps: {
  db: Db;
  audit: AuditLog;
  outbox: Outbox;
  /** Sends to a personal webhook, signed and formatted as team webhooks are. */
  senderFor: (lookup: PersonalHookLookup) => (context: DeliveryContext) => Promise<AttemptResult>;
  deliveryLog: (sink: string, targetId: string, query: Parameters<DeliveryLog>[1]) => ReturnType<DeliveryLog>;
  newSecret: () => string;
}) {
  const inbox = createNotificationsService({ db: deps.db, store: createNotificationsStore(deps.db), audit: deps.audit });
  const subscriptions = createSubscriptionsService({ db: deps.db, audit: deps.audit });
  const preferences = createPreferencesService({ db: deps.db, audit: deps.audit, newSecret: deps.newSecret });
  const lookup: PersonalHookLookup = async (personId) => {
    const s = await deps.db.selectFrom('notification_settings').select(['webhook_url', 'webhook_format', 'webhook_secret']).where('person_id', '=', personId).executeTakeFirst();
    return s?.webhook_url && s.webhook_secret ? { url: s.webhook_url, format: s.webhook_format, secret: s.webhook_secret, active: true } : undefined;
  };
  deps.outbox.register(PERSON_SINK, createPersonSink({ db: deps.db, deliver: deps.senderFor(lookup) }));
  const personalDeliveries: DeliveryLog = (personId, query) => deps.deliveryLog(PERSON_SINK, personId, query);
  return { service: inbox, subscriptions, preferences, routes: (app: FastifyInstance) => notificationsRoutes(app, { inbox, subscriptions, preferences, personalDeliveries }) };
}
export { notify, type NoticeForPerson } from './notify';
export { addressNotice } from './notice-addresses';
export { describeAddressed } from './notice-slack';
export { createPersonSink, PERSON_SINK } from './personal-sink';
