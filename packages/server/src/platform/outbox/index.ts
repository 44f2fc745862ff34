export { createOutbox, OUTBOX_TOPIC, type Outbox, type OutboxNotice, type NoticeInput, type Sink, type DeliveryContext, type AttemptResult } from './outbox';
export { createDeliveryWorker, type DeliveryWorker, type WorkerLog } from './delivery-worker';
export { defaultDeliverySettings, deliverySettingsFromEnv, resolveDeliverySettings, retryDelay, type DeliverySettings } from './delivery-settings';
