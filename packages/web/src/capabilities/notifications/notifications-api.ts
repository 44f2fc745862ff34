import type { Notification, NotificationPreferences, PutNotificationPreferencesBody, Subscription, SubscriptionKind, WebhookDelivery } from '@dayone/contracts';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export type { Notification, NotificationPreferences, PutNotificationPreferencesBody, Subscription, SubscriptionKind };
export type InboxPage = Page<Notification> & { unread: number };
/** The reply to a change of choices: `secret` only when a new signing secret was just made. */
export type SavedPreferences = NotificationPreferences & { secret?: string };

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unread: boolean) => ['notifications', 'list', unread] as const,
  unread: ['notifications', 'unread'] as const,
  /** Every subscription query: the list and each Watch button. */
  subscriptions: ['notifications', 'subscriptions'] as const,
  subscriptionList: ['notifications', 'subscriptions', 'list'] as const,
  watching: (kind: SubscriptionKind, name: string) => ['notifications', 'subscriptions', 'one', kind, name] as const,
  preferences: ['notifications', 'preferences'] as const,
  deliveries: ['notifications', 'preferences', 'deliveries'] as const,
};

export const fetchNotifications = (unreadOnly: boolean, cursor?: string | null, limit = 30) =>
  api<InboxPage>('/notifications', { query: { unread: unreadOnly ? 'true' : undefined, cursor, limit } });

export const fetchUnreadCount = () => api<{ unread: number }>('/notifications/unread-count');

export const markNotificationRead = (id: string) => api<Notification>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });

export const markAllNotificationsRead = () => api<{ marked: number }>('/notifications/read-all', { method: 'POST', body: {} });

export const fetchSubscriptions = (cursor: string | null) => api<Page<Subscription>>('/notifications/subscriptions', { query: { cursor, limit: 50 } });

/** My subscription to one thing, or null when I do not watch it. */
export const fetchWatching = async (kind: SubscriptionKind, name: string) =>
  (await api<Page<Subscription>>('/notifications/subscriptions', { query: { kind, name } })).items[0] ?? null;

/** Watches a team or service by name, a PR/FAQ or COE by number; watching again answers the same subscription. */
export const watch = (kind: SubscriptionKind, name: string) =>
  api<Subscription>('/notifications/subscriptions', { method: 'POST', body: kind === 'prfaq' || kind === 'coe' ? { kind, id: Number(name) } : { kind, name } });

export const unwatch = (id: string) => api<void>(`/notifications/subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const fetchPreferences = () => api<NotificationPreferences>('/notifications/preferences');

export const putPreferences = (version: number, body: PutNotificationPreferencesBody) => api<SavedPreferences>('/notifications/preferences', { method: 'PUT', body, ifMatch: version });

export const fetchPersonalDeliveries = (cursor: string | null) => api<Page<WebhookDelivery>>('/notifications/preferences/deliveries', { query: { cursor, limit: 25 } });
