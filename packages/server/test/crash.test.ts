import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, dialects, newTestStore } from './harness';
import { serveProcess as serve } from './server-process';

const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

describe.each(dialects)('kill -9 during a burst of writes on %s', (dialect) => {
  const store = newTestStore(dialect);
  afterAll(() => store.drop());

  it('loses no write that was answered 2xx', async () => {
    const first = await serve(store);
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (worker: number) => {
      for (let i = 0; !killed; i++) {
        const name = `crash-${worker}-${i}`;
        try {
          const res = await fetch(`${first.url}/api/v1/teams`, { method: 'POST', headers, body: JSON.stringify({ name, mission: 'survive a crash' }) });
          if (res.status === 201) acknowledged.push(name);
          else if (!killed) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        } catch (error) {
          if (!killed) throw error;
        }
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w))).finally(() => first.child.kill('SIGKILL'));
    await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode ? r(null) : first.child.once('exit', r)));
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await serve(store);
    try {
      const missing: string[] = [];
      for (const name of acknowledged) {
        const res = await fetch(`${second.url}/api/v1/teams/${name}`, { headers });
        if (res.status !== 200) missing.push(name);
      }
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      expect(missing).toEqual([]);
      const verify = await (await fetch(`${second.url}/api/v1/audit/verify`, { headers })).json();
      expect(verify.ok).toBe(true);
    } finally {
      const exited = new Promise((r) => second.child.once('exit', r));
      second.child.kill('SIGTERM');
      await exited;
    }
  });
});

describe.each(dialects)('kill -9 during event ingestion on %s', (dialect) => {
  const store = newTestStore(dialect);
  afterAll(() => store.drop());

  it('loses no event batch that was answered 2xx', async () => {
    const first = await serve(store);
    const post = (path: string, body: unknown) => fetch(`${first.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect((await post('/api/v1/teams', { name: 'growth' })).status).toBe(201);
    const created = await post('/api/v1/experiments', {
      key: 'crash-exp',
      hypothesis: 'Events survive a crash.',
      team: 'growth',
      variants: [{ name: 'control', weight: 0.5 }, { name: 'treatment', weight: 0.5 }],
      metrics: [{ key: 'clicks', aggregation: 'count' }],
    });
    expect(created.status).toBe(201);
    expect((await post('/api/v1/experiments/crash-exp/start', {})).status).toBe(200);

    let acknowledgedUsers = 0;
    let killed = false;
    const sender = async (worker: number) => {
      for (let batch = 0; !killed; batch++) {
        const events = Array.from({ length: 50 }, (_, i) => ({ type: 'exposure', id: `x-${worker}-${batch}-${i}`, experiment: 'crash-exp', user: `u-${worker}-${batch}-${i}` }));
        try {
          const res = await post('/api/v1/events', events);
          if (res.status === 200) {
            const out = await res.json();
            expect(out.accepted).toBe(50);
            acknowledgedUsers += 50;
          } else if (!killed) throw new Error(`unexpected ${res.status}`);
        } catch (error) {
          if (!killed) throw error;
        }
        if (acknowledgedUsers >= 2000 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(sender)).finally(() => first.child.kill('SIGKILL'));
    await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode ? r(null) : first.child.once('exit', r)));

    const second = await serve(store);
    try {
      const results = await (await fetch(`${second.url}/api/v1/experiments/crash-exp/results`, { headers })).json();
      expect(acknowledgedUsers).toBeGreaterThanOrEqual(2000);
      // Every acknowledged exposure is counted; a batch in flight at the kill may or may not have landed whole.
      expect(results.users).toBeGreaterThanOrEqual(acknowledgedUsers);
      expect(results.users % 50).toBe(0);
    } finally {
      const exited = new Promise((r) => second.child.once('exit', r));
      second.child.kill('SIGTERM');
      await exited;
    }
  });
});
