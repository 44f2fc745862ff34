import { z } from 'zod';
import { isoDateTime, page, pageQuery } from './common';

/** One notice in a person's in-app inbox. `kind` is a dotted type such as coe.action_item_overdue;
 *  `link` is a path in the web app. */
export const notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationsQuery = pageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const notificationsPage = page(notification).extend({ unread: z.number().int().describe('unread notices in the whole inbox') });
export const notificationParams = z.strictObject({ id: z.string().min(1).max(100) });
export const unreadCount = z.object({ unread: z.number().int() });
export const readAllResult = z.object({ marked: z.number().int() });

/** Every kind of notice that may reach a person, with what it is about. */
export const noticeKinds = [
  'andon.pulled',
  'andon.acknowledged',
  'andon.resolved',
  'andon.overridden',
  'coe.action_item_overdue',
  'prfaq.review_invited',
  'prfaq.decision_needed',
  'prfaq.decided',
] as const;
export const noticeKind = z.enum(noticeKinds, { error: `must be one of ${noticeKinds.join(', ')}` });
export type NoticeKind = z.infer<typeof noticeKind>;

/** What a person may watch: a team, a catalog entity (a service), a PR/FAQ or a COE. */
export const subscriptionKinds = ['team', 'service', 'prfaq', 'coe'] as const;
export const subscriptionKind = z.enum(subscriptionKinds, { error: `must be one of ${subscriptionKinds.join(', ')}` });
export type SubscriptionKind = z.infer<typeof subscriptionKind>;

export const subscription = z.object({
  id: z.string(),
  kind: subscriptionKind,
  targetId: z.string().describe('the team’s, entity’s, PR/FAQ’s or COE’s id'),
  name: z.string().describe('the team’s name, the entity’s reference, or the document’s number'),
  title: z.string().describe('how the web app shows it'),
  link: z.string().describe('its page in the web app'),
  createdAt: isoDateTime,
});
export type Subscription = z.infer<typeof subscription>;

export const createSubscriptionBody = z
  .strictObject({
    kind: subscriptionKind,
    name: z.string().trim().min(1).max(300).optional().describe('a team’s name, or a service’s name or reference (component:default/checkout)'),
    id: z
      .union([z.number().int().positive(), z.string().trim().min(1).max(100)])
      .optional()
      .describe('a PR/FAQ’s or COE’s number; or any target’s id'),
  })
  .refine((b) => (b.name === undefined) !== (b.id === undefined), { message: 'give either name or id', path: ['name'] });
export type CreateSubscriptionBody = z.infer<typeof createSubscriptionBody>;

export const subscriptionsQuery = pageQuery.extend({
  kind: subscriptionKind.optional(),
  name: z.string().trim().min(1).max(300).optional().describe('only the subscription to this target (with kind): a name, reference, number or id'),
});
export const subscriptionsPage = page(subscription);
export const subscriptionParams = z.strictObject({ id: z.string().min(1).max(100) });

export const noticePreference = z.object({
  kind: noticeKind,
  description: z.string(),
  inbox: z.boolean(),
  webhook: z.boolean(),
});
export type NoticePreference = z.infer<typeof noticePreference>;

export const personalWebhookFormat = z.enum(['json', 'slack'], { error: 'must be json or slack' });

export const notificationPreferences = z.object({
  kinds: z.array(noticePreference),
  webhook: z.object({
    url: z.string().nullable().describe('where notices chosen for the webhook are POSTed; null: none'),
    format: personalWebhookFormat,
  }),
  version: z.number().int(),
  updatedAt: isoDateTime.nullable(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/** The reply to a change that set a new signing secret (the first URL, or newSecret: true): the only time it is shown. */
export const savedNotificationPreferences = notificationPreferences.extend({
  secret: z.string().optional().describe('HMAC-SHA256 signing key of the personal webhook; shown once, store it now'),
});

export const putNotificationPreferencesBody = z.strictObject({
  kinds: z
    .array(
      z.strictObject({
        kind: noticeKind,
        inbox: z.boolean().optional(),
        webhook: z.boolean().optional(),
      }),
    )
    .max(50)
    .optional()
    .describe('only the kinds listed change'),
  webhook: z
    .strictObject({
      url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000, 'must be at most 2000 characters').nullable().optional(),
      format: personalWebhookFormat.optional(),
      newSecret: z.boolean().optional().describe('replace the signing secret'),
    })
    .optional(),
});
export type PutNotificationPreferencesBody = z.infer<typeof putNotificationPreferencesBody>;
