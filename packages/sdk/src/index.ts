export { createClient, type ClientOptions, type DayOneClient } from './create-client';
export { DayOneError, DayOneUnavailableError, type FieldError } from './dayone-error';
export { RawBody, withQuery, type FetchLike, type QueryValue, type RequestFn } from './http-transport';
export { paginate, collect } from './paginate';
export type {
  ApiToken,
  AuditVerification,
  CreateTokenInput,
  CreatedToken,
  ImportOutcome,
  ImportSummary,
  Page,
  PageQuery,
  PeopleQuery,
  Person,
  Team,
  TeamDetail,
  TeamsQuery,
  TokenList,
  TokenScope,
} from './sdk-types';
export { EventStreamParser, type EventStreamOptions, type ReconnectInfo, type ServerSentEvent } from './event-stream';
export type { GateStreamOptions } from './andon-client';
export type {
  AndonEvent,
  AndonPull,
  AndonPullDetail,
  CreatePullInput,
  Gate,
  GateOverride,
  GatePull,
  GateQuery,
  OverrideInput,
  PullTarget,
  PullsQuery,
} from './andon-types';
export * from './assignment/index';
export { MAX_EVENTS_PER_REQUEST } from './experiments-client';
export {
  createEventBatcher,
  EventBatchError,
  type BatchRetryInfo,
  type EventBatcher,
  type EventBatcherOptions,
  type EventBatchTotals,
  type EventInput,
} from './event-batcher';
export type {
  CreateExperimentInput,
  DecisionInput,
  EventBatchResult,
  EventResult,
  Experiment,
  ExperimentDecision,
  ExperimentEvent,
  ExperimentStatus,
  ExperimentsQuery,
  ExposureEvent,
  MetricEvent,
  MetricInput,
  SdkExperiment,
  SdkExperimentsPayload,
  VariantInput,
} from './experiments-types';
export type { CreateWebhookInput, CreatedWebhook, DeliveriesQuery, Webhook, WebhookChanges, WebhookDelivery, WebhooksQuery } from './webhooks-client';
