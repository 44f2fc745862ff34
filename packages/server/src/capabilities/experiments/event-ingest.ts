import { assign } from '@dayone/sdk';
import { eventLine, type EventLine } from '@dayone/contracts';
import type { Db, Dialect } from '../../platform/db/database';
import { LOCKS, serialise } from '../../platform/db/serialise';
import { nowIso } from '../../platform/ids';
import { presentExperiment } from './experiments-store';
import { createRollupWriter } from './rollup-writer';
import type { BulkWriter } from '../../platform/db/bulk-writer';

export type IngestResult = { line: number; id: string | null; status: 'accepted' | 'duplicate' | 'rejected'; reason?: string };
type Running = ReturnType<typeof presentExperiment>;
type Line = { line: number; value?: unknown; error?: string };
type Valid = { line: number; event: EventLine; experiment: Running; at: string; variant?: number };

/** Splits an NDJSON body into lines; a line that is not JSON is rejected on its own. */
export function parseNdjson(text: string): Line[] {
  return text
    .split('\n')
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter((l) => l.raw !== '')
    .map(({ raw, line }) => {
      try {
        return { line, value: JSON.parse(raw) as unknown };
      } catch {
        return { line, error: 'is not valid JSON' };
      }
    });
}

const idOf = (v: unknown) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);

/** Ingests a batch in one transaction, so it is answered only once it is durable. Each event is
 *  recorded once (its id makes retries harmless), and the rollups analysis reads are updated in bulk:
 *  the first exposure fixes a user's variant; metric values count only after that first exposure.
 *  Batches are applied one after another (they share per-variant rows). */
export function createEventIngest(db: Db, dialect: Dialect, bulk: BulkWriter) {
  /** Checks every line against its contract and its experiment, without touching the database's rows. */
  async function validate(trx: Db, lines: Line[], results: IngestResult[]): Promise<Valid[]> {
    const experiments = new Map<string, Running | null>();
    const valid: Valid[] = [];
    const received = nowIso(); // events without a timestamp: when the batch was received
    for (const l of lines) {
      const reject = (reason: string) => results.push({ line: l.line, id: idOf(l.value), status: 'rejected', reason });
      if (l.error) {
        reject(l.error);
        continue;
      }
      const parsed = eventLine.safeParse(l.value);
      if (!parsed.success) {
        reject(parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; '));
        continue;
      }
      const ev = parsed.data;
      if (!experiments.has(ev.experiment)) {
        const row = await trx.selectFrom('experiments').selectAll().where('key', '=', ev.experiment).executeTakeFirst();
        experiments.set(ev.experiment, row ? presentExperiment(row) : null);
      }
      const e = experiments.get(ev.experiment);
      if (!e) reject(`experiment: no experiment has the key "${ev.experiment}"`);
      else if (e.status !== 'running') reject(`experiment: ${e.key} is ${e.status}, not running`);
      else if (ev.type === 'metric' && !e.metrics.some((m) => m.key === ev.metric)) reject(`metric: ${e.key} has no metric "${ev.metric}"`);
      else {
        const at = ev.timestamp ? new Date(ev.timestamp).toISOString() : received;
        if (ev.type === 'exposure') {
          const a = assign({ key: e.key, variants: e.variants, coverage: e.coverage, seed: e.seed, hashVersion: e.hashVersion }, ev.user);
          if (a.index < 0) {
            reject(`user ${ev.user} is outside the experiment's traffic (coverage ${e.coverage})`);
            continue;
          }
          valid.push({ line: l.line, event: ev, experiment: e, at, variant: a.index });
        } else valid.push({ line: l.line, event: ev, experiment: e, at });
      }
    }
    return valid;
  }

  return {
    async ingest(lines: Line[]) {
      const results: IngestResult[] = [];
      await db.transaction().execute(async (trx) => {
        await serialise(trx, dialect, LOCKS.experimentEvents);
        const valid = await validate(trx, lines, results);
        const rollups = createRollupWriter(trx, bulk);
        const fresh = await rollups.recordRaw(valid.map((v) => ({ ...v.event, at: v.at })));
        const metricsOf = new Map(valid.map((v) => [v.experiment.key, v.experiment.metrics.map((m) => m.key)]));
        await rollups.load(valid.filter((v) => fresh.has(v.event.id)).map((v) => v.event), (key) => metricsOf.get(key) ?? []);
        for (const v of valid) {
          if (!fresh.delete(v.event.id)) {
            results.push({ line: v.line, id: v.event.id, status: 'duplicate' });
            continue;
          }
          if (v.event.type === 'exposure') rollups.expose(v.experiment, v.event.user, v.variant!, v.at);
          else rollups.measure(v.experiment, v.event);
          results.push({ line: v.line, id: v.event.id, status: 'accepted' });
        }
        await rollups.flush();
      });
      results.sort((a, b) => a.line - b.line);
      const count = (s: IngestResult['status']) => results.filter((r) => r.status === s).length;
      return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results };
    },
  };
}
export type EventIngest = ReturnType<typeof createEventIngest>;
