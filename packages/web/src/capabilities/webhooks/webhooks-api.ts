import type { CreateWebhookBody, CreatedWebhook, PatchWebhookBody, Webhook, WebhookDelivery } from '@dayone/contracts';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export const webhookKeys = {
  all: ['webhooks'] as const,
  one: (id: string) => ['webhooks', id] as const,
  deliveries: (id: string, status: string | null) => ['webhooks', id, 'deliveries', status] as const,
};

const path = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

export const fetchWebhooks = (cursor: string | null) => api<Page<Webhook>>('/webhooks', { query: { cursor, limit: 50 } });
export const fetchWebhook = (id: string) => api<Webhook>(path(id));
export const createWebhook = (body: Partial<CreateWebhookBody>) => api<CreatedWebhook>('/webhooks', { method: 'POST', body });
export const patchWebhook = (webhook: Webhook, body: PatchWebhookBody) => api<Webhook>(path(webhook.id), { method: 'PATCH', body, ifMatch: webhook.version });
export const deleteWebhook = (webhook: Webhook) => api<void>(path(webhook.id), { method: 'DELETE', ifMatch: webhook.version });
export const fetchDeliveries = (id: string, status: string | null, cursor: string | null) =>
  api<Page<WebhookDelivery>>(`${path(id)}/deliveries`, { query: { status, cursor, limit: 25 } });
