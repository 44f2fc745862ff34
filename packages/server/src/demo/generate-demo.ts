import { createAndonHistory } from './demo-andon';
import { createCatalog, planCatalog } from './demo-catalog';
import { DEMO_PASSWORD, DemoApi } from './demo-client';
import { installDemoClock } from './demo-clock';
import type { DemoContext } from './demo-context';
import { createExperiments } from './demo-experiments';
import { createFlywheels } from './demo-flywheel';
import { createOrg, planOrg } from './demo-org';
import { createPrfaqs } from './demo-prfaq';
import { createRandom } from './demo-random';
import { startDemoServer, type DemoStore } from './demo-server';
import { DEMO_SEED, type DemoSize } from './demo-size';
import { DemoTimeline, HOUR, WEEK, mondayOf } from './demo-timeline';

export interface DemoResult {
  admin: { email: string; password: string; name: string };
  /** Requests the generator sent. */
  requests: number;
  /** Moments of the organisation's past it played. */
  happenings: number;
}

/** Generates the demo organisation into a fresh store: starts the server in this process with the
 *  clock set `size.weeks` weeks back, plays the year forward through the HTTP API, and stops the server.
 *  The same seed and size give the same organisation. */
export async function generateDemo(store: DemoStore, options: { size: DemoSize; seed?: number; log?: (line: string) => void; logLevel?: string }): Promise<DemoResult> {
  const log = options.log ?? (() => {});
  const end = Date.now() - 5 * 60_000;
  const start = mondayOf(end - options.size.weeks * WEEK) + 8 * HOUR;
  const clock = installDemoClock(new Date(start));
  try {
    const server = await startDemoServer(store, { logLevel: options.logLevel });
    try {
      const api = new DemoApi(() => server.url());
      const random = createRandom(options.seed ?? DEMO_SEED);
      const org = planOrg(random, options.size);
      const timeline = new DemoTimeline(start, end);
      const ctx: DemoContext = {
        api, random, timeline, size: options.size, org, log,
        as: (person) => api.as(typeof person === 'string' ? org.person(person) : person),
        restartServer: () => server.restart(),
      };
      createOrg(ctx);
      const catalog = planCatalog(ctx);
      createCatalog(ctx, catalog);
      createFlywheels(ctx);
      createAndonHistory(ctx, catalog);
      const prfaqs = createPrfaqs(ctx);
      createExperiments(ctx, catalog, prfaqs);
      log(`Generating ${org.people.length} people in ${org.teams.length} teams, ${catalog.components.length} services and ${options.size.weeks} weeks of history…`);
      let month = '';
      let happenings = 0;
      await timeline.play(clock, (done) => {
        happenings = done;
        const now = clock.now().toISOString().slice(0, 7);
        if (now !== month) {
          month = now;
          log(`  ${now}: ${api.requests} requests so far`);
        }
      });
      await api.revokeTokens();
      return { admin: { email: org.admin.email, password: DEMO_PASSWORD, name: org.admin.name }, requests: api.requests, happenings };
    } finally {
      await server.close();
    }
  } finally {
    clock.release();
  }
}
