export type FieldError = { path: string; message: string };

export type ProblemBody = {
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
};

/** An RFC 9457 problem returned by the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** Seconds to wait before retrying, from the Retry-After header. */
  readonly retryAfter: number | null;

  constructor(status: number, body: ProblemBody, retryAfter: number | null = null) {
    const detail = body.detail || body.title || `Request failed with status ${status}`;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? 'UNKNOWN';
    this.detail = detail;
    this.errors = (body.errors ?? []).map((e) => ({ path: normalizePath(e.path), message: e.message }));
    this.retryAfter = retryAfter;
  }

  /** The first error message for a form field, if the server named that field. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.path === field)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Accepts "name", "/name", "body.name" or "body/name" and returns "name". */
function normalizePath(path: string): string {
  return path.replace(/^\/+/, '').replace(/^body[./]/, '').replace(/\//g, '.');
}
