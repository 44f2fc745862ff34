import { bucketHash, chooseVariant } from '@dayone/sdk';
import type { Db, Dialect } from '../../platform/db/database';
import type { ExperimentEventsTable } from '../../platform/db/schema';
import { LOCKS, serialise } from '../../platform/db/serialise';
import { nowIso } from '../../platform/ids';
import { presentExperiment } from './experiments-store';
import { BatchEvent, createEventLineReader, parseEventLine } from './event-line';
import { createRollupWriter, type BatchUser, type RollupTarget } from './rollup-writer';
import type { BulkWriter } from '../../platform/db/bulk-writer';

export type IngestResult = { line: number; id: string | null; status: 'accepted' | 'duplicate' | 'rejected'; reason?: string };
type Refusal = { id: string | null; reason: string };

/** A request's events as read, before any experiment is looked at: per event its line number and
 *  either the event or why the line is refused. `more` is set when reading stopped at the limit. */
export type EventBatch = { lines: number[]; events: (BatchEvent | Refusal)[]; more: boolean };

const idOf = (v: unknown) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);

/** Reads events (JSON values) into a batch: the fast reader first, the contract's schema for what it does not accept. */
function batchReader(limit: number) {
  const read = createEventLineReader();
  const batch: EventBatch = { lines: [], events: [], more: false };
  return {
    batch,
    /** false once the batch holds more than `limit` events (the request is then refused as a whole). */
    add(line: number, value: unknown, error?: string): boolean {
      if (batch.lines.length === limit) {
        batch.more = true;
        return false;
      }
      batch.lines.push(line);
      if (error !== undefined) batch.events.push({ id: null, reason: error });
      else {
        const event = read(value) ?? parseEventLine(value);
        batch.events.push(event instanceof BatchEvent ? event : { id: idOf(value), reason: event.reason });
      }
      return true;
    },
  };
}

/** Reads an NDJSON body: one event per line, each line on its own (a line that is not JSON is
 *  refused by itself); blank lines are skipped but counted. One pass over the text, at most `limit`
 *  events. */
export function readNdjson(text: string, limit = Infinity): EventBatch {
  const reader = batchReader(limit);
  let start = 0;
  for (let n = 1; start <= text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      if (!reader.add(n, undefined, 'is not valid JSON')) break;
      continue;
    }
    if (!reader.add(n, value)) break;
  }
  return reader.batch;
}

/** Reads a JSON array of events; an event's line is its index + 1. At most `limit` events. */
export function readEventArray(values: unknown[], limit = Infinity): EventBatch {
  const reader = batchReader(limit);
  for (let i = 0; i < values.length; i++) if (!reader.add(i + 1, values[i])) break;
  return reader.batch;
}

/** An event's outcome while the batch is applied; 0 (the start) is rejected. */
const ACCEPTED = 1;
const DUPLICATE = 2;

/** Ingests a batch in one transaction, so it is answered only once it is durable. Each event is
 *  recorded once (its id makes retries harmless), and the rollups analysis reads are updated in bulk:
 *  the first exposure fixes a user's variant; metric values count only after that first exposure.
 *  Batches are applied one after another (they share per-variant rows). */
export function createEventIngest(db: Db, dialect: Dialect, bulk: BulkWriter) {
  return {
    async ingest(batch: EventBatch) {
      const { lines, events } = batch;
      const status = new Uint8Array(events.length); // rejected until shown otherwise
      const reasons: (string | undefined)[] = [];
      await db.transaction().execute(async (trx) => {
        await serialise(trx, dialect, LOCKS.experimentEvents);
        const rollups = createRollupWriter(trx, dialect, bulk);

        // Each event against its experiment (looked up once per batch); what passes becomes a raw
        // event row, with the event's place, user and variant or metric alongside.
        const targets = new Map<string, RollupTarget | string>();
        const rows: ExperimentEventsTable[] = [];
        const places: number[] = [];
        const users: BatchUser[] = [];
        const slots: number[] = []; // the exposure's variant, or the metric's index in the experiment
        const received = nowIso(); // events without a timestamp: when the batch was received
        for (let i = 0; i < events.length; i++) {
          const ev = events[i];
          if (!(ev instanceof BatchEvent)) {
            reasons[i] = ev.reason;
            continue;
          }
          let target = targets.get(ev.experiment);
          if (target === undefined) {
            const row = await trx.selectFrom('experiments').selectAll().where('key', '=', ev.experiment).executeTakeFirst();
            const e = row ? presentExperiment(row) : undefined;
            target = !e ? `experiment: no experiment has the key "${ev.experiment}"` : e.status !== 'running' ? `experiment: ${e.key} is ${e.status}, not running` : rollups.target(e);
            targets.set(ev.experiment, target);
          }
          if (typeof target === 'string') {
            reasons[i] = target;
            continue;
          }
          const e = target.experiment;
          let slot: number | undefined;
          if (ev.type === 'exposure') {
            slot = chooseVariant(bucketHash(e.seed || e.key, ev.user, e.hashVersion), target.ranges);
            if (slot < 0) {
              reasons[i] = `user ${ev.user} is outside the experiment's traffic (coverage ${e.coverage})`;
              continue;
            }
          } else {
            slot = target.metricIndex.get(ev.metric!);
            if (slot === undefined) {
              reasons[i] = `metric: ${e.key} has no metric "${ev.metric}"`;
              continue;
            }
          }
          const at = ev.timestamp ? new Date(ev.timestamp).toISOString() : received;
          rows.push({ id: ev.id, experiment_key: ev.experiment, type: ev.type, metric: ev.metric, user_id: ev.user, value: ev.type === 'metric' ? ev.value : null, at });
          places.push(i);
          users.push(rollups.user(target, ev.user));
          slots.push(slot);
        }

        const fresh = await rollups.recordRaw(rows);
        for (let k = 0; k < rows.length; k++) if (fresh.has(rows[k].id)) users[k].load = true;
        await rollups.load();
        for (let k = 0; k < rows.length; k++) {
          const row = rows[k];
          // The first of the batch's events with a new id takes it; any later one is a duplicate.
          if (!fresh.delete(row.id)) {
            status[places[k]] = DUPLICATE;
            continue;
          }
          const ev = events[places[k]] as BatchEvent;
          if (ev.type === 'exposure') rollups.expose(users[k], slots[k], row.at);
          else rollups.measure(users[k], slots[k], ev.value, ev.preExposure);
          status[places[k]] = ACCEPTED;
        }
        await rollups.flush();
      });

      // The answer, built once the batch is committed: a result per line, in the lines' order.
      let accepted = 0;
      let duplicate = 0;
      const results: IngestResult[] = new Array(events.length);
      for (let i = 0; i < events.length; i++) {
        const ev = events[i];
        const s = status[i];
        if (s === ACCEPTED) {
          results[i] = { line: lines[i], id: ev.id, status: 'accepted' };
          accepted++;
        } else if (s === DUPLICATE) {
          results[i] = { line: lines[i], id: ev.id, status: 'duplicate' };
          duplicate++;
        } else results[i] = { line: lines[i], id: ev.id, status: 'rejected', reason: reasons[i] };
      }
      return { accepted, duplicate, rejected: events.length - accepted - duplicate, results };
    },
  };
}
export type EventIngest = ReturnType<typeof createEventIngest>;
