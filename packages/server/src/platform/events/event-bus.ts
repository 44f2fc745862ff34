import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/database';

/** A small change notice; listeners re-read what they need. Kept tiny (PostgreSQL NOTIFY caps payloads). */
export interface BusEvent {
  topic: string;
  id?: string;
}

export interface EventBus {
  /** Inside a transaction: on PostgreSQL the notice is sent by the commit itself, never for a rollback. */
  publishInTransaction(trx: Db, events: BusEvent[]): Promise<void>;
  /** After the commit: delivers locally where the database cannot (the embedded one). */
  afterCommit(events: BusEvent[]): void;
  /** Outside any transaction. */
  broadcast(event: BusEvent): Promise<void>;
  subscribe(listener: (event: BusEvent) => void): () => void;
  /** Connection state: false while notices from other instances may be missed. */
  readonly connected: boolean;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  close(): Promise<void>;
}

function listeners() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (e: BusEvent) => emitter.emit('event', e),
    subscribe(listener: (e: BusEvent) => void) {
      emitter.on('event', listener);
      return () => void emitter.off('event', listener);
    },
    connection: (connected: boolean) => emitter.emit('connection', connected),
    onConnectionChange(listener: (c: boolean) => void) {
      emitter.on('connection', listener);
      return () => void emitter.off('connection', listener);
    },
  };
}

/** The embedded database has one process, so the bus is in-process. */
export function createLocalBus(): EventBus {
  const l = listeners();
  return {
    publishInTransaction: async () => {},
    afterCommit: (events) => events.forEach((e) => queueMicrotask(() => l.emit(e))),
    broadcast: async (e) => void l.emit(e),
    subscribe: l.subscribe,
    connected: true,
    onConnectionChange: l.onConnectionChange,
    close: async () => {},
  };
}

/** PostgreSQL LISTEN/NOTIFY on one dedicated connection per instance, reconnecting with backoff.
 *  Every instance (this one included) hears every notice through LISTEN. */
export function createPostgresBus(options: { db: Db; url: string; schema: string; retryMs?: number }): EventBus & { listenerPid(): number | null; start(): Promise<void> } {
  const l = listeners();
  const channel = `dayone_events_${options.schema}`;
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let connected = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    l.connection(value);
  };

  async function connect(attempt = 0): Promise<void> {
    if (closed) return;
    const c = new pg.Client({ connectionString: options.url, application_name: `dayone-listen-${options.schema}`.slice(0, 63) });
    const lost = () => {
      if (client !== c) return;
      client = null;
      pid = null;
      setConnected(false);
      c.end().catch(() => {});
      schedule(0);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        l.emit(JSON.parse(msg.payload) as BusEvent);
      } catch {
        /* a malformed notice is ignored */
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      pid = (await c.query('select pg_backend_pid() as pid')).rows[0].pid as number;
      client = c;
      setConnected(true);
    } catch {
      c.end().catch(() => {});
      schedule(attempt + 1);
    }
  }

  function schedule(attempt: number) {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void connect(attempt), Math.min(5000, (options.retryMs ?? 100) * 2 ** attempt));
  }

  const notify = (db: Db, e: BusEvent) => sql`select pg_notify(${channel}, ${JSON.stringify(e)})`.execute(db);

  const bus = {
    async publishInTransaction(trx: Db, events: BusEvent[]) {
      for (const e of events) await notify(trx, e);
    },
    afterCommit: () => {},
    broadcast: async (e: BusEvent) => void (await notify(options.db, e)),
    subscribe: l.subscribe,
    get connected() {
      return connected;
    },
    onConnectionChange: l.onConnectionChange,
    listenerPid: () => pid,
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
    start: () => connect(),
  };
  return bus;
}

/** Runs work in a transaction and publishes the notices it collected, exactly when the write commits. */
export async function transactWithEvents<T>(db: Db, bus: EventBus, work: (trx: Db, emit: (e: BusEvent) => void) => Promise<T>): Promise<T> {
  const events: BusEvent[] = [];
  const result = await db.transaction().execute(async (trx) => {
    const value = await work(trx, (e) => events.push(e));
    await bus.publishInTransaction(trx, events);
    return value;
  });
  bus.afterCommit(events);
  return result;
}
