import { DayOneError, DayOneUnavailableError, type FieldError } from './dayone-error';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Base URL of the Day One instance, e.g. http://localhost:4000 (a path prefix is kept). */
  url: string;
  /** API token sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
}

/** A request body sent as-is with its own content type (e.g. YAML), instead of being JSON-encoded. */
export class RawBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

export type QueryValue = string | number | boolean | null | undefined;

export type RequestFn = <T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<T>;

const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** Appends the defined entries of `query` to `path` as a URL-encoded query string. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  }
  const qs = params.toString();
  if (!qs) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

export function normalizeBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`invalid Day One URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`invalid Day One URL: ${JSON.stringify(url)} (use http:// or https://)`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

export function createTransport(options: TransportOptions): RequestFn {
  const baseUrl = normalizeBaseUrl(options.url);
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));

  return async function request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const requestUrl = `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
    const finalHeaders: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (options.token) finalHeaders.authorization = `Bearer ${options.token}`;
    const raw = body instanceof RawBody ? body : undefined;
    if (body !== undefined) finalHeaders['content-type'] = raw ? raw.contentType : 'application/json';
    for (const [name, value] of Object.entries(headers)) finalHeaders[name.toLowerCase()] = value;

    let response: Response;
    let text: string;
    try {
      response = await doFetch(requestUrl, {
        method: method.toUpperCase(),
        headers: finalHeaders,
        body: raw ? raw.text : body === undefined ? undefined : JSON.stringify(body),
      });
      text = await response.text();
    } catch (cause) {
      throw new DayOneUnavailableError(requestUrl, describeNetworkError(cause), { cause });
    }

    const contentType = response.headers.get('content-type') ?? '';
    if (response.ok) return parseSuccess<T>(response, text, contentType, requestUrl);
    throw toError(response, text, contentType, requestUrl);
  };
}

function parseSuccess<T>(response: Response, text: string, contentType: string, requestUrl: string): T {
  if (response.status === 204 || text === '') return undefined as T;
  if (!/[/+]json\b/i.test(contentType)) return text as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DayOneError({
      status: response.status,
      code: 'INVALID_RESPONSE',
      detail: 'the server sent a reply that is not valid JSON',
      requestUrl,
    });
  }
}

export function toError(response: Response, text: string, contentType: string, requestUrl: string): Error {
  const problem = /[/+]json\b/i.test(contentType) ? parseProblem(text) : undefined;
  if (problem) {
    return new DayOneError({
      status: typeof problem.status === 'number' ? problem.status : response.status,
      code: typeof problem.code === 'string' ? problem.code : `HTTP_${response.status}`,
      detail:
        typeof problem.detail === 'string'
          ? problem.detail
          : typeof problem.title === 'string'
            ? problem.title
            : response.statusText || `HTTP ${response.status}`,
      title: typeof problem.title === 'string' ? problem.title : undefined,
      type: typeof problem.type === 'string' ? problem.type : undefined,
      errors: parseFieldErrors(problem.errors),
      requestUrl,
    });
  }
  if (GATEWAY_STATUSES.has(response.status)) {
    return new DayOneUnavailableError(requestUrl, `HTTP ${response.status} ${response.statusText}`.trim(), {
      status: response.status,
    });
  }
  return new DayOneError({
    status: response.status,
    code: `HTTP_${response.status}`,
    detail: response.statusText || `HTTP ${response.status}`,
    requestUrl,
  });
}

function parseProblem(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
    .map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }));
}

export function describeNetworkError(error: unknown): string {
  // undici reports "fetch failed" and puts the system error (ECONNREFUSED...) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}
