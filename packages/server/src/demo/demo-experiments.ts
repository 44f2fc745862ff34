import { assign } from '@dayone/sdk';
import type { Caller } from './demo-client';
import type { DemoCatalog } from './demo-catalog';
import type { DemoContext } from './demo-context';
import type { DemoPrfaqs } from './demo-prfaq';
import { DAY, HOUR, WEEK, workingMoment } from './demo-timeline';

/** Experiments through the year, each run by its team: created with a hypothesis, started, fed a
 *  day's exposures and purchases at a time by the team's own event-sending token (assigning users
 *  locally with the SDK, as a service would), stopped and decided with a lesson. One is running now,
 *  one was stopped and awaits its decision, one is still a draft. */
type Fate = 'ship' | 'kill' | 'running' | 'iterate' | 'draft' | 'stopped';
const FATES: Fate[] = ['ship', 'kill', 'running', 'iterate', 'draft', 'stopped', 'ship', 'kill', 'iterate'];

interface ExperimentText {
  key: string;
  name: string;
  hypothesis: string;
  treatment: string;
  /** Relative change of the purchase rate in the treatment. */
  lift: number;
  lesson: string;
}

const TEXTS: ExperimentText[] = [
  { key: 'semantic-ranking', name: 'Rank by meaning', treatment: 'semantic', lift: 0.22, hypothesis: 'We believe ranking results by the meaning of the query will raise purchases per searching user, because one search in eight finds nothing today.', lesson: 'Purchases per searcher rose by about a fifth and revenue per user with them; ship it, and measure latency at peak before widening to all languages.' },
  { key: 'one-page-checkout', name: 'One-page checkout', treatment: 'one-page', lift: -0.03, hypothesis: 'We believe putting address, delivery and payment on one page will raise completed orders, because each extra page loses customers.', lesson: 'Completed orders did not rise; session recordings show customers scrolled past the delivery choice. Killed; the next test keeps two pages and moves delivery first.' },
  { key: 'free-delivery-banner', name: 'Free-delivery threshold banner', treatment: 'banner', lift: 0.05, hypothesis: 'We believe showing how far a basket is from free delivery will raise purchases and basket value.', lesson: 'A small lift in purchases, but basket value was flat; iterate with the banner only for baskets within 10 of the threshold.' },
  { key: 'review-summaries', name: 'Review summaries', treatment: 'summary', lift: 0.04, hypothesis: 'We believe a three-line summary of reviews above the fold will help customers decide and raise purchases.', lesson: 'Summaries helped on products with more than 50 reviews and did nothing below; ship for those only.' },
  { key: 'reorder-button', name: 'One-tap reorder', treatment: 'reorder', lift: 0.08, hypothesis: 'We believe a reorder button for regular customers will raise purchases per week.', lesson: 'Regular customers ordered more often; ship it with the replacement label the PR/FAQ review asked for.' },
  { key: 'push-timing', name: 'Send offers at the customer’s usual time', treatment: 'usual-time', lift: 0.0, hypothesis: 'We believe sending offers at the hour a customer usually shops will raise purchases from notifications.', lesson: 'No difference at all; the usual hour is too noisy to learn from. Killed.' },
];

export function createExperiments(ctx: DemoContext, catalog: DemoCatalog, prfaqs: DemoPrfaqs): void {
  const { timeline, size, org } = ctx;
  const tokens = new Map<string, Promise<Caller>>();
  const spreadFrom = timeline.start + 3 * WEEK;
  const spreadTo = Math.max(spreadFrom, timeline.end - 4 * WEEK);
  for (let k = 0; k < size.experiments; k++) {
    const fate = FATES[k % FATES.length];
    const text = TEXTS[k % TEXTS.length];
    const key = k < TEXTS.length ? text.key : `${text.key}-${Math.floor(k / TEXTS.length) + 1}`;
    const team = org.products[k % org.products.length];
    const start =
      fate === 'running' ? timeline.end - 9 * DAY
      : fate === 'draft' ? timeline.end - 2 * DAY
      : fate === 'stopped' ? timeline.end - 12 * DAY
      : spreadFrom + ((spreadTo - spreadFrom) * k) / Math.max(1, size.experiments - 1);
    const at = workingMoment(start, 60 + k * 13);
    const owner = ctx.as(org.actor(team.name));
    // The team's pipeline sends events with a token that can do nothing else.
    const eventToken = () => {
      if (!tokens.has(team.name)) {
        tokens.set(team.name, ctx.api.post(owner, '/api/v1/tokens', { name: `${team.name} event pipeline`, scopes: ['events:write'] }).then((t) => tokenCaller(t.token as string)));
      }
      return tokens.get(team.name)!;
    };
    timeline.at(at, `experiment ${key}`, async () => {
      // The first experiment tests the claim of the PR/FAQ launched early in the year.
      const linked = k === 0 ? prfaqs.numbers.get('launched')?.[0] : undefined;
      await ctx.api.post(owner, '/api/v1/experiments', {
        key, name: text.name, hypothesis: text.hypothesis, team: team.name,
        services: catalog.ofTeam(team.name).slice(0, 1),
        ...(linked ? { prfaq: linked } : {}),
        variants: [{ name: 'control', weight: 0.5 }, { name: text.treatment, weight: 0.5 }],
        metrics: [
          { key: 'purchase', name: 'Purchase', aggregation: 'any' },
          { key: 'revenue', name: 'Revenue', aggregation: 'sum', role: 'guardrail' },
        ],
      });
    });
    if (fate === 'draft') continue;
    const runDays = fate === 'stopped' ? 7 : 14;
    timeline.at(at + HOUR, `start ${key}`, () => ctx.api.post(owner, `/api/v1/experiments/${key}/start`, {}));
    const experiment = { key, variants: [{ name: 'control', weight: 0.5 }, { name: text.treatment, weight: 0.5 }] };
    for (let day = 0; day < runDays; day++) {
      timeline.at(at + HOUR + day * DAY + 6 * HOUR, `events for ${key}`, async () => {
        await ctx.api.post(await eventToken(), '/api/v1/events', dayOfEvents(ctx, experiment, text.lift, k, day));
      });
    }
    if (fate === 'running') continue;
    const stopAt = at + runDays * DAY + 2 * HOUR;
    timeline.at(stopAt, `stop ${key}`, () => ctx.api.post(owner, `/api/v1/experiments/${key}/stop`, {}));
    if (fate === 'stopped') continue;
    timeline.at(workingMoment(stopAt + 2 * DAY, 200), `decide ${key}`, () =>
      ctx.api.post(owner, `/api/v1/experiments/${key}/decision`, { decision: fate, lesson: text.lesson }),
    );
  }
}

function tokenCaller(token: string): Caller {
  return { label: 'event pipeline token', headers: async () => ({ authorization: `Bearer ${token}` }), renew: async () => false };
}

/** One day's new users: each is exposed, buys with a chance that depends on the variant, and spends. */
function dayOfEvents(ctx: DemoContext, experiment: { key: string; variants: { name: string; weight: number }[] }, lift: number, k: number, day: number) {
  const { random, size } = ctx;
  const events: Record<string, unknown>[] = [];
  const users = size.usersPerDay + random.int(-size.usersPerDay / 10, size.usersPerDay / 10);
  for (let u = 0; u < users; u++) {
    const user = `customer-${k}-${day}-${u}`;
    const { index } = assign(experiment, user);
    if (index < 0) continue;
    events.push({ type: 'exposure', id: `${experiment.key}:${user}:exposure`, experiment: experiment.key, user });
    const rate = 0.11 * (index === 0 ? 1 : 1 + lift);
    if (random.chance(rate)) {
      events.push({ type: 'metric', id: `${experiment.key}:${user}:purchase`, experiment: experiment.key, metric: 'purchase', user });
      events.push({ type: 'metric', id: `${experiment.key}:${user}:revenue`, experiment: experiment.key, metric: 'revenue', user, value: Math.max(5, Math.round(random.normal(62, 24) * 100) / 100) });
    }
  }
  return events;
}
