/** One coded catalogue of every error the API answers with. Each code has one HTTP status and a title. */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  PRFAQ_NO_TOO_SHORT: { status: 400, title: 'A no needs at least 50 words of reasons' },
  MALFORMED_BODY: { status: 400, title: 'The request body could not be read' },
  YAML_PARSE_ERROR: { status: 400, title: 'The YAML does not parse' },
  AUTH_REQUIRED: { status: 401, title: 'Sign in or send a token' },
  AUTH_INVALID_CREDENTIALS: { status: 401, title: 'Wrong email or password' },
  AUTH_INVALID_TOKEN: { status: 401, title: 'The token is unknown, revoked or expired' },
  OIDC_SIGN_IN_FAILED: { status: 401, title: 'Company sign-in did not succeed' },
  AUTH_TOKEN_EXPIRED: { status: 401, title: 'The token has expired' },
  CSRF_TOKEN_MISSING: { status: 403, title: 'The CSRF token is missing or wrong' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  LOCAL_PASSWORDS_OFF: { status: 403, title: 'Passwords are turned off; use company sign-in' },
  ADMIN_REQUIRED: { status: 403, title: 'Only admins may do this' },
  TOKEN_SCOPE_MISSING: { status: 403, title: 'The token lacks a scope this needs' },
  TEAM_EDIT_FORBIDDEN: { status: 403, title: 'Only the team’s members (or admins) may change it' },
  CATALOG_EDIT_FORBIDDEN: { status: 403, title: 'Only the owning team’s members (or admins) may change this entity' },
  ANDON_RELEASE_FORBIDDEN: { status: 403, title: 'Only the owning team (or admins) may release this pull' },
  WEBHOOK_FORBIDDEN: { status: 403, title: 'Only the webhook’s team (or admins) may see or change it' },
  EXPERIMENT_EDIT_FORBIDDEN: { status: 403, title: 'Only the owning team (or admins) may change this experiment' },
  COE_EDIT_FORBIDDEN: { status: 403, title: 'Only the owning team (or admins) may do this' },
  PRFAQ_EDIT_FORBIDDEN: { status: 403, title: 'Only the author and the owning team (or admins) may do this' },
  PRFAQ_NOT_DECIDER: { status: 403, title: 'Only the decider may decide' },
  PRFAQ_NOT_REVIEWER: { status: 403, title: 'The author cannot object to their own PR/FAQ' },
  SIGNUP_INVITE_REQUIRED: { status: 403, title: 'Sign-up needs an invitation' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  TEAM_NOT_FOUND: { status: 404, title: 'No such team' },
  PERSON_NOT_FOUND: { status: 404, title: 'No such person' },
  CATALOG_ENTITY_NOT_FOUND: { status: 404, title: 'No such catalog entity' },
  ANDON_PULL_NOT_FOUND: { status: 404, title: 'No such andon pull' },
  WEBHOOK_NOT_FOUND: { status: 404, title: 'No such webhook' },
  ANDON_TARGET_NOT_FOUND: { status: 404, title: 'The pull’s target is not in the catalog' },
  GATE_SERVICE_NOT_FOUND: { status: 404, title: 'No such service' },
  EXPERIMENT_NOT_FOUND: { status: 404, title: 'No such experiment' },
  COE_NOT_FOUND: { status: 404, title: 'No such COE' },
  ACTION_ITEM_NOT_FOUND: { status: 404, title: 'No such action item' },
  PRFAQ_NOT_FOUND: { status: 404, title: 'No such PR/FAQ' },
  PRFAQ_VERSION_NOT_FOUND: { status: 404, title: 'The PR/FAQ has no such version' },
  PRFAQ_ROUND_NOT_FOUND: { status: 404, title: 'The PR/FAQ has no such review round' },
  PRFAQ_COMMENT_NOT_FOUND: { status: 404, title: 'The review round has no such comment' },
  PRFAQ_DECISION_NOT_FOUND: { status: 404, title: 'The PR/FAQ has no such decision request' },
  ATTACHMENT_NOT_FOUND: { status: 404, title: 'No such attachment' },
  NOTIFICATION_NOT_FOUND: { status: 404, title: 'No such notification' },
  NOTIFICATION_TARGET_NOT_FOUND: { status: 404, title: 'Nothing to watch by that name' },
  NOTIFICATION_SUBSCRIPTION_NOT_FOUND: { status: 404, title: 'No such subscription' },
  OIDC_NOT_CONFIGURED: { status: 404, title: 'Company sign-in is not configured' },
  TOKEN_NOT_FOUND: { status: 404, title: 'No such token' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  SETUP_ALREADY_DONE: { status: 409, title: 'This instance already has its first account' },
  TEAM_NAME_TAKEN: { status: 409, title: 'A team with this name exists' },
  PERSON_NAME_TAKEN: { status: 409, title: 'That name is taken' },
  PERSON_EMAIL_TAKEN: { status: 409, title: 'That email already has an account' },
  TEAM_HAS_MEMBERS: { status: 409, title: 'The team still has members' },
  TEAM_HAS_CHILDREN: { status: 409, title: 'The team still has sub-teams' },
  TEAM_OWNS_ENTITIES: { status: 409, title: 'The team still owns things' },
  CATALOG_ENTITY_EXISTS: { status: 409, title: 'The entity is in the catalog already' },
  ANDON_PULL_ALREADY_RESOLVED: { status: 409, title: 'The pull is resolved already' },
  ANDON_PULL_NOT_ACTIVE: { status: 409, title: 'The pull is not waiting for acknowledgement' },
  EXPERIMENT_KEY_TAKEN: { status: 409, title: 'An experiment with this key exists' },
  EXPERIMENT_STATE: { status: 409, title: 'The experiment is not in a state that allows this' },
  COE_HAS_OPEN_ACTION_ITEMS: { status: 409, title: 'The COE still has open action items' },
  COE_NOT_REVIEWED: { status: 409, title: 'Nobody from outside the owning team has reviewed the COE yet' },
  COE_STATE: { status: 409, title: 'The COE is not in a state that allows this' },
  PRFAQ_STATE: { status: 409, title: 'The PR/FAQ is not in a state that allows this' },
  PRFAQ_INCOMPLETE: { status: 409, title: 'The press release lacks parts a decision needs' },
  PRFAQ_DECISION_PENDING: { status: 409, title: 'A decision is already pending for this PR/FAQ' },
  PRFAQ_ALREADY_DECIDED: { status: 409, title: 'This decision request is decided already' },
  PRFAQ_NO_DECIDER: { status: 409, title: 'Nobody leads the team above; name a decider' },
  PRFAQ_ROUND_CLOSED: { status: 409, title: 'The review round is closed' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PRECONDITION_FAILED: { status: 412, title: 'Someone else changed this first' },
  BODY_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  PRECONDITION_REQUIRED: { status: 428, title: 'Send If-Match with the version you read' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many attempts; wait and retry' },
  RATE_LIMITED: { status: 429, title: 'Too many requests; wait and retry' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
  UNAVAILABLE: { status: 503, title: 'Not ready' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.status = errorCatalogue[code].status;
    this.title = errorCatalogue[code].title;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  readonly errors?: FieldError[];
  /** Extra members of the problem body, such as the current text of a section someone else saved. */
  readonly extensions: Record<string, unknown>;
}

/** A 400 naming one field, for rules a schema cannot express (a parent team that does not exist). */
export function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
}
