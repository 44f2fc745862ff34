import { eventLine } from '@dayone/contracts';

/** The same rule as the contract's `experimentKey`; the tests hold the two together. */
const KEY = /^[a-z0-9]+([-_.][a-z0-9]+)*$/;
/** The contract's own timestamp schema (the same on both event types), so a timestamp is checked exactly as the contract checks it. */
const timestampSchema = eventLine.options[0].shape.timestamp;

/** One event of a batch as the `eventLine` contract reads it, defaults filled in. A class rather
 *  than the schema's output objects: every event then has the same shape, and a batch keeps one
 *  small object per event instead of several. */
export class BatchEvent {
  constructor(
    readonly type: 'exposure' | 'metric',
    readonly id: string,
    readonly experiment: string,
    /** null for exposures */
    readonly metric: string | null,
    readonly user: string,
    /** 1 unless sent; unused for exposures */
    readonly value: number,
    readonly preExposure: boolean,
    readonly timestamp: string | undefined,
  ) {}
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 200;

/** Reads event lines the way the `eventLine` schema does for the shapes events normally have, without
 *  the schema's per-field machinery (most of a large batch's validation time went there). It answers
 *  undefined for anything it does not accept outright (a bad field, an unknown one, an odd shape), and
 *  the caller then asks the schema, which gives the exact reasons (or, for a shape this reader does not
 *  know, the same event). So it never accepts what the schema refuses, and what it accepts reads the
 *  same as the schema's answer. Keys (experiments', metrics') are checked once per reader: a batch
 *  names the same few over and over. */
export function createEventLineReader() {
  const keys = new Map<string, boolean>();
  const isKey = (v: unknown): v is string => {
    if (typeof v !== 'string') return false;
    let ok = keys.get(v);
    if (ok === undefined) {
      ok = v.length >= 1 && v.length <= 100 && KEY.test(v);
      if (keys.size < 1000) keys.set(v, ok);
    }
    return ok;
  };
  return (input: unknown): BatchEvent | undefined => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
    const v = input as Record<string, unknown>;
    const timestamp = v.timestamp;
    if (timestamp !== undefined && !timestampSchema.safeParse(timestamp).success) return undefined;
    if (v.type === 'exposure') {
      for (const key in v) if (key !== 'type' && key !== 'id' && key !== 'experiment' && key !== 'user' && key !== 'timestamp') return undefined;
      const { id, experiment, user } = v;
      if (!isText(id) || !isKey(experiment) || !isText(user)) return undefined;
      return new BatchEvent('exposure', id, experiment, null, user, 1, false, timestamp as string | undefined);
    }
    if (v.type === 'metric') {
      for (const key in v) {
        if (key !== 'type' && key !== 'id' && key !== 'experiment' && key !== 'metric' && key !== 'user' && key !== 'value' && key !== 'preExposure' && key !== 'timestamp') return undefined;
      }
      const { id, experiment, metric, user, value, preExposure } = v;
      if (!isText(id) || !isKey(experiment) || !isKey(metric) || !isText(user)) return undefined;
      if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) return undefined;
      if (preExposure !== undefined && typeof preExposure !== 'boolean') return undefined;
      return new BatchEvent('metric', id, experiment, metric, user, value ?? 1, preExposure ?? false, timestamp as string | undefined);
    }
    return undefined;
  };
}

/** A line read by the schema itself: the event, or why it is refused (one `path: message` per issue). */
export function parseEventLine(input: unknown): BatchEvent | { reason: string } {
  const parsed = eventLine.safeParse(input);
  if (!parsed.success) return { reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') };
  const e = parsed.data;
  return e.type === 'exposure' ? new BatchEvent('exposure', e.id, e.experiment, null, e.user, 1, false, e.timestamp) : new BatchEvent('metric', e.id, e.experiment, e.metric, e.user, e.value, e.preExposure, e.timestamp);
}
