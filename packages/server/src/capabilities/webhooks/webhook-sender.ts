import { createHmac } from 'node:crypto';
import type { AttemptResult, DeliveryContext } from '../../platform/outbox/index';
import { jsonBody, slackBody, type LinkTo, type SlackDescriber } from './webhook-formats';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret>`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Reads at most `limit` characters of an answer (for the log) and lets go of the rest. */
async function excerpt(response: Response, limit = 300): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.slice(0, limit).replace(/\s+/g, ' ').trim();
}

/** fetch says "fetch failed"; the reason (ECONNREFUSED, a DNS failure, a TLS error) is in its cause. */
function reasonOf(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  if (e?.cause?.message) return e.cause.code && !e.cause.message.includes(e.cause.code) ? `${e.cause.code}: ${e.cause.message}` : e.cause.message;
  return e?.message ?? String(error);
}

/** Where a delivery goes, read when it is sent: a team webhook, or a person's own. Nothing: it was removed. */
export type HookLookup = (targetId: string) => Promise<{ url: string; format: 'json' | 'slack'; secret: string; active: number | boolean } | undefined>;

/** Sends one delivery to its webhook: the notice as JSON or as a Slack message, signed, without
 *  following redirects (a 3xx is a failed attempt), answered 2xx or retried. */
export function createWebhookSender(deps: { lookup: HookLookup; describers: Record<string, SlackDescriber>; link: LinkTo; userAgent?: string }) {
  return async function deliver({ deliveryId, targetId, attempt, notice, signal }: DeliveryContext): Promise<AttemptResult> {
    const hook = await deps.lookup(targetId);
    if (!hook) return { ok: false, statusCode: null, error: 'the webhook was removed', permanent: true };
    if (!hook.active) return { ok: false, statusCode: null, error: 'the webhook is switched off (active: false)', permanent: true };
    const body = JSON.stringify(hook.format === 'slack' ? slackBody(notice, deps.describers, deps.link) : jsonBody(notice));
    let response: Response;
    try {
      response = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual',
        signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': deps.userAgent ?? 'DayOne-Webhooks/1',
          'x-dayone-event': notice.type,
          'x-dayone-delivery': deliveryId,
          'x-dayone-attempt': String(attempt),
          'x-dayone-signature': signBody(hook.secret, body),
        },
        body,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      return { ok: false, statusCode: null, error: reasonOf(error) };
    }
    const text = await excerpt(response).catch(() => '');
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
    const what = response.status >= 300 && response.status < 400 ? `HTTP ${response.status}: redirect to ${response.headers.get('location') ?? '?'} not followed` : `HTTP ${response.status}`;
    return { ok: false, statusCode: response.status, error: text ? `${what}: ${text}` : what };
  };
}
