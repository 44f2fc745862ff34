import type { FastifyInstance } from 'fastify';
import { notification, notificationParams, notificationsPage, notificationsQuery, readAllResult, unreadCount } from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, typed } from '../../platform/http/typed';
import type { NotificationsService } from './notifications-service';

const tags = ['notifications'];

export function notificationsRoutes(app: FastifyInstance, inbox: NotificationsService) {
  const r = typed(app);
  r.get('/api/v1/notifications', { schema: { tags, summary: 'My inbox: unread first, then newest first (unread=true for the unread only)', querystring: notificationsQuery, response: { 200: notificationsPage, ...errorReplies } } }, (req) =>
    inbox.list(principalOf(req), req.query),
  );
  r.get('/api/v1/notifications/unread-count', { schema: { tags, summary: 'How many of my notifications are unread', response: { 200: unreadCount, ...errorReplies } } }, (req) => inbox.unread(principalOf(req)));
  r.post('/api/v1/notifications/:id/read', { schema: { tags, summary: 'Mark one of my notifications read', params: notificationParams, response: { 200: notification, ...errorReplies } } }, (req) =>
    inbox.read(principalOf(req), req.params.id),
  );
  r.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', response: { 200: readAllResult, ...errorReplies } } }, (req) => inbox.readAll(principalOf(req)));
}
