import { assign } from '@dayone/sdk';
import { eventLine, type EventLine } from '@dayone/contracts';
import type { Db, Dialect } from '../../platform/db/database';
import { LOCKS, serialise } from '../../platform/db/serialise';
import { nowIso } from '../../platform/ids';
import { presentExperiment } from './experiments-store';

type Result = { line: number; id: string | null; status: 'accepted' | 'duplicate' | 'rejected'; reason?: string };
type Running = ReturnType<typeof presentExperiment>;

/** Splits an NDJSON body into lines; a line that is not JSON is rejected on its own. */
export function parseNdjson(text: string): { line: number; value?: unknown; error?: string }[] {
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

/** Ingests a batch in one transaction, so it is answered only once it is durable. Each event is
 *  recorded once (its id makes retries harmless), and the rollups analysis reads are updated in place:
 *  the first exposure fixes a user's variant; metric values count only after that first exposure.
 *  Batches are applied one after another (they share per-variant rows). */
export function createEventIngest(db: Db, dialect: Dialect) {
  async function applyExposure(trx: Db, e: Running, ev: Extract<EventLine, { type: 'exposure' }>, at: string): Promise<string | null> {
    const a = assign({ key: e.key, variants: e.variants, coverage: e.coverage, seed: e.seed, hashVersion: e.hashVersion }, ev.user);
    if (a.index < 0) return `user ${ev.user} is outside the experiment's traffic (coverage ${e.coverage})`;
    const seen = await trx.selectFrom('experiment_exposures').select('variant').where('experiment_key', '=', e.key).where('user_id', '=', ev.user).executeTakeFirst();
    if (seen) return null;
    await trx.insertInto('experiment_exposures').values({ experiment_key: e.key, user_id: ev.user, variant: a.index, first_at: at }).execute();
    await trx.updateTable('experiment_variant_stats').set((eb) => ({ users: eb('users', '+', 1) })).where('experiment_key', '=', e.key).where('variant', '=', a.index).execute();
    return null;
  }

  async function applyMetric(trx: Db, e: Running, ev: Extract<EventLine, { type: 'metric' }>): Promise<void> {
    const exposure = await trx.selectFrom('experiment_exposures').select('variant').where('experiment_key', '=', e.key).where('user_id', '=', ev.user).executeTakeFirst();
    if (!exposure) return; // before exposure: kept as a raw event, not counted in the results
    const metric = e.metrics.find((m) => m.key === ev.metric)!;
    const current = await trx.selectFrom('experiment_user_metrics').select(['value', 'events']).where('experiment_key', '=', e.key).where('metric', '=', ev.metric).where('user_id', '=', ev.user).executeTakeFirst();
    const before = current?.value ?? 0;
    const events = (current?.events ?? 0) + 1;
    const after = metric.aggregation === 'sum' ? before + ev.value : metric.aggregation === 'count' ? events : 1;
    if (current) {
      await trx.updateTable('experiment_user_metrics').set({ value: after, events }).where('experiment_key', '=', e.key).where('metric', '=', ev.metric).where('user_id', '=', ev.user).execute();
    } else {
      await trx.insertInto('experiment_user_metrics').values({ experiment_key: e.key, metric: ev.metric, user_id: ev.user, value: after, events }).execute();
    }
    if (after === before) return;
    await trx
      .updateTable('experiment_variant_stats')
      .set((eb) => ({ sum: eb('sum', '+', after - before), sum_squares: eb('sum_squares', '+', after * after - before * before) }))
      .where('experiment_key', '=', e.key)
      .where('metric', '=', ev.metric)
      .where('variant', '=', exposure.variant)
      .execute();
  }

  return {
    async ingest(lines: { line: number; value?: unknown; error?: string }[]) {
      const results: Result[] = [];
      await db.transaction().execute(async (trx) => {
        // Batches update the same per-variant rows; one at a time, they can never deadlock.
        await serialise(trx, dialect, LOCKS.experimentEvents);
        const experiments = new Map<string, Running | null>();
        const find = async (key: string) => {
          if (!experiments.has(key)) {
            const row = await trx.selectFrom('experiments').selectAll().where('key', '=', key).executeTakeFirst();
            experiments.set(key, row ? presentExperiment(row) : null);
          }
          return experiments.get(key)!;
        };
        for (const l of lines) {
          const idOf = (v: unknown) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);
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
          const e = await find(ev.experiment);
          if (!e) {
            reject(`experiment: no experiment has the key "${ev.experiment}"`);
            continue;
          }
          if (e.status !== 'running') {
            reject(`experiment: ${e.key} is ${e.status}, not running`);
            continue;
          }
          if (ev.type === 'metric' && !e.metrics.some((m) => m.key === ev.metric)) {
            reject(`metric: ${e.key} has no metric "${ev.metric}"`);
            continue;
          }
          const at = ev.timestamp ? new Date(ev.timestamp).toISOString() : nowIso();
          const inserted = await trx
            .insertInto('experiment_events')
            .values({ id: ev.id, experiment_key: e.key, type: ev.type, metric: ev.type === 'metric' ? ev.metric : null, user_id: ev.user, value: ev.type === 'metric' ? ev.value : null, at })
            .onConflict((oc) => oc.column('id').doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
            results.push({ line: l.line, id: ev.id, status: 'duplicate' });
            continue;
          }
          const problem = ev.type === 'exposure' ? await applyExposure(trx, e, ev, at) : (await applyMetric(trx, e, ev), null);
          if (problem) {
            await trx.deleteFrom('experiment_events').where('id', '=', ev.id).execute();
            reject(problem);
          } else results.push({ line: l.line, id: ev.id, status: 'accepted' });
        }
      });
      const count = (s: Result['status']) => results.filter((r) => r.status === s).length;
      return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results };
    },
  };
}
export type EventIngest = ReturnType<typeof createEventIngest>;
