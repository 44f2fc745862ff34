import { z } from 'zod';
import { entityName, isoDateTime, page, pageQuery } from './common';

/** Every notice type a webhook may subscribe to; '*' subscribes to all, including types added later. */
export const webhookEventTypes = ['andon.pulled', 'andon.acknowledged', 'andon.resolved', 'andon.overridden', 'coe.action_item_overdue', 'prfaq.review_invited', 'prfaq.decision_needed', 'prfaq.decided'] as const;
export const webhookEventType = z.enum(webhookEventTypes);
export const webhookEventFilter = z.enum([...webhookEventTypes, '*'], { error: `must be one of ${webhookEventTypes.join(', ')} or *` });
export type WebhookEventFilter = z.infer<typeof webhookEventFilter>;

export const webhookFormat = z.enum(['json', 'slack'], { error: 'must be json or slack' });
export type WebhookFormat = z.infer<typeof webhookFormat>;

const webhookUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000, 'must be at most 2000 characters');
const webhookEvents = z
  .array(webhookEventFilter)
  .min(1, 'must name at least one event type, or *')
  .max(50)
  .transform((events) => [...new Set(events)]);

export const createWebhookBody = z.strictObject({
  url: webhookUrl,
  format: webhookFormat.default('json'),
  events: webhookEvents,
  team: entityName.nullable().optional().describe('only notices about this team (a pull’s owning team); omit for an organisation-wide webhook (admins only)'),
  description: z.string().trim().max(500).optional(),
  active: z.boolean().default(true),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;

export const patchWebhookBody = z.strictObject({
  url: webhookUrl.optional(),
  format: webhookFormat.optional(),
  events: webhookEvents.optional(),
  team: entityName.nullable().optional(),
  description: z.string().trim().max(500).optional(),
  active: z.boolean().optional(),
});
export type PatchWebhookBody = z.infer<typeof patchWebhookBody>;

export const webhook = z.object({
  id: z.string(),
  url: z.string(),
  format: webhookFormat,
  events: z.array(z.string()),
  team: z.string().nullable(),
  description: z.string(),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type Webhook = z.infer<typeof webhook>;

/** The reply to a registration: the only time the signing secret is shown. */
export const createdWebhook = webhook.extend({ secret: z.string().describe('HMAC-SHA256 signing key; shown once, store it now') });
export type CreatedWebhook = z.infer<typeof createdWebhook>;

export const webhooksQuery = pageQuery.extend({ team: z.string().max(63).optional() });
export const webhooksPage = page(webhook);
export const webhookParams = z.strictObject({ id: z.string().min(1).max(100) });

export const deliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export const deliveryAttempt = z.object({
  attempt: z.number().int(),
  at: isoDateTime,
  durationMs: z.number().int(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
});
export const webhookDelivery = z.object({
  id: z.string().describe('also sent as x-dayone-delivery'),
  noticeId: z.string().describe('the body’s id; the same for every webhook that gets the notice'),
  event: z.string(),
  occurredAt: isoDateTime,
  status: deliveryStatus,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  attemptLog: z.array(deliveryAttempt),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export const deliveriesQuery = pageQuery.extend({ status: deliveryStatus.optional() });
export const deliveriesPage = page(webhookDelivery);

/** What a 'json' webhook receives. */
export const webhookNotice = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: isoDateTime,
  data: z.unknown(),
});
export type WebhookNotice = z.infer<typeof webhookNotice>;
