import type { CreateWebhookBody, CreatedWebhook, PatchWebhookBody, Webhook, WebhookDelivery } from '@dayone/contracts';
import { withQuery, type RequestFn } from './http-transport';
import { paginate } from './paginate';
import type { Page, PageQuery } from './sdk-types';

export type { CreatedWebhook, Webhook, WebhookDelivery };
export type CreateWebhookInput = Omit<CreateWebhookBody, 'format' | 'active'> & Partial<Pick<CreateWebhookBody, 'format' | 'active'>>;
export interface WebhooksQuery extends PageQuery {
  team?: string;
}
export interface DeliveriesQuery extends PageQuery {
  status?: WebhookDelivery['status'];
}

const API = '/api/v1/webhooks';
const one = (id: string) => `${API}/${encodeURIComponent(id)}`;

/** What `update` may change: only the fields given. */
export type WebhookChanges = PatchWebhookBody;

/** Webhooks: register, list, change (If-Match from the webhook's version), remove, and read delivery logs. */
export function createWebhooksApi(request: RequestFn) {
  const webhooks = {
    /** Registers a webhook; the returned `secret` is shown only this once. */
    create: (input: CreateWebhookInput) => request<CreatedWebhook>('POST', API, input),
    list: (query: WebhooksQuery = {}) => request<Page<Webhook>>('GET', withQuery(API, { ...query })),
    iterate: (query: Omit<WebhooksQuery, 'cursor'> = {}) => paginate((cursor) => webhooks.list({ ...query, cursor })),
    get: (id: string) => request<Webhook>('GET', one(id)),
    /** Changes a webhook; `version` is the one you read (412 when someone changed it since). */
    update: (id: string, version: number, changes: PatchWebhookBody) => request<Webhook>('PATCH', one(id), changes, { 'if-match': `"${version}"` }),
    remove: async (id: string, version: number): Promise<void> => {
      await request<undefined>('DELETE', one(id), undefined, { 'if-match': `"${version}"` });
    },
    deliveries: (id: string, query: DeliveriesQuery = {}) => request<Page<WebhookDelivery>>('GET', withQuery(`${one(id)}/deliveries`, { ...query })),
  };
  return webhooks;
}
