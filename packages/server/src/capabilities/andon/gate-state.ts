import { createHash } from 'node:crypto';
import type { Gate } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AndonOverridesTable, AndonPullsTable } from '../../platform/db/schema';
import type { EventBus } from '../../platform/events/event-bus';
import { push } from '../../platform/multimap';

export const ANDON_TOPIC = 'andon.changed';
export const CATALOG_TOPIC = 'catalog.changed';
const RECONCILE_MS = 30_000;

interface Service {
  ref: string;
  system: string | null;
  ownerGroup: string | null;
}

export interface GateAnswer {
  gate: Gate;
  json: string;
  etag: string;
  /** The server-sent event that carries this answer, encoded once for every stream that sends it. */
  frame: Buffer;
}

type Listener = () => void;

/** The gate of every service, answered from memory. Active pulls and the catalog's services are read at
 *  start, re-read on every change notice (from this or any other instance), and every 30 s as a safety
 *  net. While the notice connection is down the answers say `stale: true`; on reconnect everything is
 *  re-read before they stop saying so, so a pull made in between is never missed. */
export function createGateState(db: Db, bus: EventBus) {
  let services = new Map<string, Service>();
  let byName = new Map<string, string[]>();
  let pulls: AndonPullsTable[] = [];
  let overrides = new Map<string, AndonOverridesTable[]>();
  let cache = new Map<string, GateAnswer>();
  let stale = !bus.connected;
  let expiryTimer: NodeJS.Timeout | undefined;
  const listeners = new Set<Listener>();

  const changed = () => {
    cache = new Map();
    for (const l of listeners) l();
  };

  async function loadServices() {
    const rows = await db.selectFrom('catalog_entities').select(['ref_key', 'name', 'system_ref', 'owner_group']).where('kind', '=', 'Component').execute();
    const next = new Map<string, Service>();
    const names = new Map<string, string[]>();
    for (const r of rows) {
      next.set(r.ref_key, { ref: r.ref_key, system: r.system_ref, ownerGroup: r.owner_group });
      push(names, r.name.toLowerCase(), r.ref_key);
    }
    services = next;
    byName = names;
  }

  /** The pulls in force with their overrides, in one query (one snapshot, one round trip). */
  async function loadPulls() {
    const rows = await db
      .selectFrom('andon_pulls as p')
      .leftJoin('andon_overrides as o', 'o.pull_id', 'p.id')
      .selectAll('p')
      .select(['o.id as override_id', 'o.reason as override_reason', 'o.created_by as override_by', 'o.created_at as override_at', 'o.expires_at as override_expires_at'])
      .where('p.status', '!=', 'resolved')
      .orderBy('p.number')
      .orderBy('o.created_at')
      .orderBy('o.id')
      .execute();
    const active: AndonPullsTable[] = [];
    const next = new Map<string, AndonOverridesTable[]>();
    for (const { override_id, override_reason, override_by, override_at, override_expires_at, ...pull } of rows) {
      if (active[active.length - 1]?.id !== pull.id) active.push(pull);
      if (override_id !== null) push(next, pull.id, { id: override_id, pull_id: pull.id, reason: override_reason!, created_by: override_by!, created_at: override_at!, expires_at: override_expires_at! });
    }
    pulls = active;
    overrides = next;
    scheduleExpiry();
  }

  /** Re-evaluate when the next override runs out, so the gate closes again on time. */
  function scheduleExpiry() {
    clearTimeout(expiryTimer);
    const now = Date.now();
    const next = [...overrides.values()].flat().map((o) => Date.parse(o.expires_at)).filter((t) => t > now).sort((a, b) => a - b)[0];
    if (next) expiryTimer = setTimeout(changed, Math.min(next - now + 5, 2 ** 31 - 1)).unref();
  }

  /** Reloads run one after another, so a later notice is always applied after an earlier one; a request
   *  for a reload that is queued but not started yet joins it (a pull's own reload and its notice). */
  let chain: Promise<void> = Promise.resolve();
  const queued = new Map<string, Promise<void>>();
  function reload(what: 'all' | 'pulls' | 'services'): Promise<void> {
    const waiting = queued.get(what);
    if (waiting) return waiting;
    const run = chain.then(async () => {
      queued.delete(what);
      if (what !== 'pulls') await loadServices();
      if (what !== 'services') await loadPulls();
      changed();
    });
    queued.set(what, run);
    chain = run.catch(() => {});
    return run;
  }

  const covers = (p: AndonPullsTable, s: Service): boolean => {
    switch (p.target_kind) {
      case 'organisation':
        return true;
      case 'service':
        return p.target_ref === s.ref;
      case 'system':
        return p.target_ref === s.system;
      case 'team':
        return !!s.ownerGroup && p.target_name?.toLowerCase() === s.ownerGroup;
    }
  };

  function compute(service: Service, environment: string | null): GateAnswer {
    const now = new Date().toISOString();
    const relevant = pulls.filter((p) => covers(p, service) && (!environment || !p.environment || p.environment === environment));
    const blocking = relevant.filter((p) => !(overrides.get(p.id) ?? []).some((o) => o.expires_at > now));
    const activeOverrides = relevant.flatMap((p) => (overrides.get(p.id) ?? []).filter((o) => o.expires_at > now).map((o) => ({ pullId: p.id, reason: o.reason, by: o.created_by, expiresAt: o.expires_at })));
    const gate: Gate = {
      service: service.ref,
      environment,
      open: blocking.length === 0,
      stale,
      pulls: blocking.map((p) => ({
        id: p.id,
        number: p.number,
        severity: p.severity,
        reason: p.reason,
        status: p.status,
        pulledBy: p.pulled_by,
        pulledAt: p.pulled_at,
        target: { kind: p.target_kind, name: p.target_name },
        environment: p.environment,
      })),
      overrides: activeOverrides,
    };
    const json = JSON.stringify(gate);
    const tag = createHash('sha1').update(json).digest('base64url');
    return { gate, json, etag: `"${tag}"`, frame: Buffer.from(`event: gate\nid: ${tag}\ndata: ${json}\n\n`) };
  }

  bus.subscribe((e) => {
    if (e.topic === ANDON_TOPIC) void reload('pulls').catch(() => {});
    else if (e.topic === CATALOG_TOPIC) void reload('services').catch(() => {});
  });
  bus.onConnectionChange((connected) => {
    if (!connected) {
      stale = true;
      changed();
      return;
    }
    void reload('all').then(
      () => {
        stale = false;
        changed();
      },
      () => {},
    );
  });
  const reconcile = setInterval(() => void reload('all').catch(() => {}), RECONCILE_MS);
  reconcile.unref();

  return {
    async start() {
      await reload('all');
      stale = !bus.connected;
    },
    stop() {
      clearInterval(reconcile);
      clearTimeout(expiryTimer);
      listeners.clear();
    },

    /** A service by name (`checkout`), namespace/name, or full reference; undefined when unknown. */
    resolve(service: string): string | undefined {
      const text = service.toLowerCase();
      if (text.includes(':')) return services.has(text) ? text : undefined;
      if (text.includes('/')) return services.has(`component:${text}`) ? `component:${text}` : undefined;
      const candidates = byName.get(text) ?? [];
      return candidates.includes(`component:default/${text}`) ? `component:default/${text}` : candidates[0];
    },

    gate(ref: string, environment: string | null): GateAnswer {
      const key = `${ref}|${environment ?? ''}`;
      let answer = cache.get(key);
      if (!answer) {
        answer = compute(services.get(ref)!, environment);
        cache.set(key, answer);
      }
      return answer;
    },

    /** Services a pull covers right now, for the pull's own page. */
    covered(p: AndonPullsTable): string[] {
      return [...services.values()].filter((s) => covers(p, s)).map((s) => s.ref);
    },

    onChange(listener: Listener): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reload,
    get stale() {
      return stale;
    },
  };
}
export type GateState = ReturnType<typeof createGateState>;
