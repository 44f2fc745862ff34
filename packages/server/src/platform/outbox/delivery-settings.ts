/** How the delivery worker polls, retries and gives up. */
export interface DeliverySettings {
  /** How often the worker looks for due deliveries when nothing wakes it. */
  pollMs: number;
  /** Delay before the first retry; each further retry doubles it ... */
  backoffMs: number;
  /** ... up to this. */
  maxBackoffMs: number;
  /** A delivery that failed this many times is marked failed. */
  maxAttempts: number;
  /** One attempt's time limit (connect, send, answer). */
  timeoutMs: number;
  /** Deliveries in flight at once per instance. */
  concurrency: number;
}

export const defaultDeliverySettings: DeliverySettings = {
  pollMs: 250,
  backoffMs: 1000,
  maxBackoffMs: 60 * 60 * 1000,
  maxAttempts: 24,
  timeoutMs: 10_000,
  concurrency: 8,
};

/** Wait after the given number of failed attempts: backoff · 2^(failures-1), capped. */
export function retryDelay(failures: number, settings: Pick<DeliverySettings, 'backoffMs' | 'maxBackoffMs'>): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 40);
  return Math.min(settings.backoffMs * 2 ** exponent, settings.maxBackoffMs);
}

const envNames: Record<keyof DeliverySettings, string> = {
  pollMs: 'DAYONE_WEBHOOK_POLL_MS',
  backoffMs: 'DAYONE_WEBHOOK_BACKOFF_MS',
  maxBackoffMs: 'DAYONE_WEBHOOK_MAX_BACKOFF_MS',
  maxAttempts: 'DAYONE_WEBHOOK_MAX_ATTEMPTS',
  timeoutMs: 'DAYONE_WEBHOOK_TIMEOUT_MS',
  concurrency: 'DAYONE_WEBHOOK_CONCURRENCY',
};

/** Settings given in the environment (DAYONE_WEBHOOK_*); a value that is not a positive integer stops start-up. */
export function deliverySettingsFromEnv(env: NodeJS.ProcessEnv): Partial<DeliverySettings> {
  const settings: Partial<DeliverySettings> = {};
  for (const [key, name] of Object.entries(envNames) as [keyof DeliverySettings, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
    settings[key] = value;
  }
  return settings;
}

export function resolveDeliverySettings(...layers: (Partial<DeliverySettings> | undefined)[]): DeliverySettings {
  const merged = { ...defaultDeliverySettings };
  for (const layer of layers) for (const [k, v] of Object.entries(layer ?? {})) if (v !== undefined) (merged as Record<string, number>)[k] = v as number;
  return merged;
}
