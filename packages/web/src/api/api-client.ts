import { ApiError, type ProblemBody } from './api-error';

let csrfToken: string | null = null;

/** The session's CSRF token, sent on every cookie-authenticated write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  ifMatch?: number;
  query?: Record<string, string | number | undefined | null>;
  /** A body sent as it is (not as JSON), with its own content type, e.g. a YAML file or an image. */
  raw?: { text: string | Blob; contentType: string };
};

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.raw) headers['content-type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.text : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', detail: 'Cannot reach the Day One server. Check your connection.' });
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) throw new ApiError(response.status, (body ?? {}) as ProblemBody, retryAfter(response));
  return body as T;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function retryAfter(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
