import type { Notification } from '@dayone/contracts';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export type { Notification };
export type InboxPage = Page<Notification> & { unread: number };

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unread: boolean) => ['notifications', 'list', unread] as const,
  unread: ['notifications', 'unread'] as const,
};

export const fetchNotifications = (unreadOnly: boolean, cursor?: string | null, limit = 30) =>
  api<InboxPage>('/notifications', { query: { unread: unreadOnly ? 'true' : undefined, cursor, limit } });

export const fetchUnreadCount = () => api<{ unread: number }>('/notifications/unread-count');

export const markNotificationRead = (id: string) => api<Notification>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });

export const markAllNotificationsRead = () => api<{ marked: number }>('/notifications/read-all', { method: 'POST', body: {} });
