import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { deliveriesPage, deliveriesQuery } from '@dayone/contracts';
import {
  createSubscriptionBody,
  notification,
  notificationParams,
  notificationPreferences,
  notificationsPage,
  notificationsQuery,
  putNotificationPreferencesBody,
  readAllResult,
  savedNotificationPreferences,
  subscription,
  subscriptionParams,
  subscriptionsPage,
  subscriptionsQuery,
  unreadCount,
} from '@dayone/contracts';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, noContent, typed } from '../../platform/http/typed';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import type { NotificationsService } from './notifications-service';
import type { SubscriptionsService } from './subscriptions-service';
import type { PreferencesService } from './preferences-service';

const tags = ['notifications'];

/** The delivery log of one person's own webhook. */
export type DeliveryLog = (personId: string, query: z.infer<typeof deliveriesQuery>) => Promise<z.infer<typeof deliveriesPage>>;

export function notificationsRoutes(app: FastifyInstance, deps: { inbox: NotificationsService; subscriptions: SubscriptionsService; preferences: PreferencesService; personalDeliveries: DeliveryLog }) {
  const { inbox, subscriptions, preferences } = deps;
  const r = typed(app);
  r.get('/api/v1/notifications', { schema: { tags, summary: 'My inbox: unread first, then newest first (unread=true for the unread only)', querystring: notificationsQuery, response: { 200: notificationsPage, ...errorReplies } } }, (req) =>
    inbox.list(principalOf(req), req.query),
  );
  r.get('/api/v1/notifications/unread-count', { schema: { tags, summary: 'How many of my notifications are unread', response: { 200: unreadCount, ...errorReplies } } }, (req) => inbox.unread(principalOf(req)));
  r.post('/api/v1/notifications/:id/read', { schema: { tags, summary: 'Mark one of my notifications read', params: notificationParams, response: { 200: notification, ...errorReplies } } }, (req) =>
    inbox.read(principalOf(req), req.params.id),
  );
  r.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', response: { 200: readAllResult, ...errorReplies } } }, (req) => inbox.readAll(principalOf(req)));

  r.get('/api/v1/notifications/subscriptions', { schema: { tags, summary: 'What I watch (teams, services, PR/FAQs, COEs), newest first; kind and name ask whether one thing is watched', querystring: subscriptionsQuery, response: { 200: subscriptionsPage, ...errorReplies } } }, (req) =>
    subscriptions.list(principalOf(req), req.query),
  );
  r.post('/api/v1/notifications/subscriptions', { schema: { tags, summary: 'Watch a team (name), a service (name or reference), a PR/FAQ or a COE (id: its number): 201, or 200 when already watched', body: createSubscriptionBody, response: { 200: subscription, 201: subscription, ...errorReplies } } }, async (req, reply) => {
    const { subscription: saved, created } = await subscriptions.watch(principalOf(req), req.body);
    return reply.code(created ? 201 : 200).header('location', `/api/v1/notifications/subscriptions/${saved.id}`).send(saved);
  });
  r.delete('/api/v1/notifications/subscriptions/:id', { schema: { tags, summary: 'Stop watching', params: subscriptionParams, response: { 204: noContent, ...errorReplies } } }, async (req, reply) => {
    await subscriptions.unwatch(principalOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  r.get('/api/v1/notifications/preferences', { schema: { tags, summary: 'Which kinds of notice reach me, and how (inbox, personal webhook); ETag: the version', response: { 200: notificationPreferences, ...errorReplies } } }, async (req, reply) => {
    const prefs = await preferences.get(principalOf(req));
    setVersionTag(reply, prefs.version);
    return prefs;
  });
  r.put('/api/v1/notifications/preferences', { schema: { tags, summary: 'Change my choices: only the kinds listed, and the personal webhook (If-Match required; "0" before the first change). A new signing secret is shown once', body: putNotificationPreferencesBody, response: { 200: savedNotificationPreferences, ...errorReplies } } }, async (req, reply) => {
    const prefs = await preferences.put(principalOf(req), expectedVersion(req), req.body);
    setVersionTag(reply, prefs.version);
    return prefs;
  });
  r.get('/api/v1/notifications/preferences/deliveries', { schema: { tags, summary: 'The delivery log of my personal webhook, newest first', querystring: deliveriesQuery, response: { 200: deliveriesPage, ...errorReplies } } }, (req) =>
    deps.personalDeliveries(principalOf(req).id, req.query),
  );
}
