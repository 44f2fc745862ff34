/** A field the server rejected, as listed in a problem's `errors`. */
export interface FieldError {
  path: string;
  message: string;
}

export interface DayOneErrorInit {
  status: number;
  code: string;
  detail: string;
  requestUrl: string;
  title?: string;
  type?: string;
  errors?: FieldError[];
}

/**
 * The server answered, and the answer was "no": a non-2xx reply, normally an
 * RFC 9457 application/problem+json body carrying `code`, `detail` and, for
 * validation failures, the field `errors`.
 */
export class DayOneError extends Error {
  override readonly name = 'DayOneError';
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestUrl: string;
  readonly title: string | undefined;
  readonly type: string | undefined;

  constructor(init: DayOneErrorInit) {
    super(`${init.detail} (${init.code}, HTTP ${init.status})`);
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestUrl = init.requestUrl;
    this.title = init.title;
    this.type = init.type;
  }
}

/**
 * The server could not answer: connection refused, DNS failure, reset, or a
 * gateway in front of it replying 502/503/504 without a Day One problem body.
 */
export class DayOneUnavailableError extends Error {
  override readonly name = 'DayOneUnavailableError';
  readonly requestUrl: string;
  /** The gateway's HTTP status when one answered for the server; undefined for network failures. */
  readonly status: number | undefined;

  constructor(requestUrl: string, reason: string, options: { cause?: unknown; status?: number } = {}) {
    super(`cannot reach Day One at ${requestUrl}: ${reason}`, { cause: options.cause });
    this.requestUrl = requestUrl;
    this.status = options.status;
  }
}
