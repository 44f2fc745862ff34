import type { DemoCatalog } from './demo-catalog';
import type { DemoContext } from './demo-context';
import { writeCoe } from './demo-coe';
import { MINOR, SERIOUS, SEVERITY_PATTERN, type Incident } from './demo-incidents';
import { HOUR, MINUTE, WEEK, workingMoment } from './demo-timeline';

/** The andon cord through the year: pulls spread over the weeks, each acknowledged, commented on and
 *  resolved by the owning team; the serious ones (severity 1 and 2) start a COE when resolved. At the
 *  end, two cords are still pulled: one being worked on, one nobody has acknowledged yet. */
export function createAndonHistory(ctx: DemoContext, catalog: DemoCatalog): void {
  const { random, size, timeline, org } = ctx;
  const first = timeline.start + 2 * WEEK;
  const last = timeline.end - WEEK;
  const services = catalog.components.filter((c) => c.lifecycle !== 'deprecated');
  let serious = 0;
  let minor = 0;
  for (let k = 0; k < size.resolvedPulls; k++) {
    const severity = SEVERITY_PATTERN[k % SEVERITY_PATTERN.length];
    const incident = severity <= 2 ? SERIOUS[serious++ % SERIOUS.length] : MINOR[minor++ % MINOR.length];
    // The first pull hits the first team, so a small demo's serious pull is on a team that has people to spare.
    const service = k === 0 ? services[0] : random.pick(services);
    const day = first + ((last - first) * k) / Math.max(1, size.resolvedPulls - 1);
    const at = workingMoment(day, random.int(0, 7 * 60));
    const team = org.team(service.team);
    const crew = team.members.filter((m) => org.isActive(m));
    const others = org.active.filter((p) => !team.members.includes(p.name) && p.name !== org.admin.name);
    const puller = random.chance(0.6) && others.length > 0 ? random.pick(others).name : random.pick(crew);
    const acker = random.pick(crew);
    const resolver = org.actor(team.name).name;
    const ackAfter = random.int(2, 35) * MINUTE;
    const resolveAfter = ackAfter + random.int(25, 300) * MINUTE;
    const skipAck = severity === 4 && random.chance(0.5);
    const override = severity <= 2 && random.chance(0.4);
    const environment = severity >= 3 && random.chance(0.5) ? random.pick(['production', 'staging']) : undefined;
    const onSystem = severity === 3 && random.chance(0.15);
    pullHistory(ctx, {
      at, puller, acker: skipAck ? null : acker, resolver, ackAfter, resolveAfter, override, incident, severity, environment,
      target: onSystem ? { kind: 'system', name: team.name } : { kind: 'service', name: service.name },
      service: service.name,
    });
  }

  // Still pulled now: one being worked on, one nobody has looked at yet.
  const now = timeline.end;
  const hot = services[0];
  const hotTeam = org.team(hot.team);
  timeline.at(now - 40 * MINUTE, 'an open pull', async () => {
    const someone = org.active.find((p) => !hotTeam.members.includes(p.name) && p.name !== org.admin.name) ?? org.admin;
    const pull = await ctx.api.post(ctx.as(someone), '/api/v1/andon/pulls', { target: { kind: 'service', name: hot.name }, severity: 2, environment: 'production', reason: `Checkout conversion dropped by a third since the last ${hot.name} deploy` });
    timeline.at(now - 31 * MINUTE, 'the open pull is acknowledged', async () => {
      await ctx.api.post(ctx.as(hotTeam.members[1] ?? hotTeam.members[0]), `/api/v1/andon/pulls/${pull.id}/acknowledge`, {});
    });
    timeline.at(now - 18 * MINUTE, 'a comment on the open pull', async () => {
      await ctx.api.post(ctx.as(hotTeam.members[1] ?? hotTeam.members[0]), `/api/v1/andon/pulls/${pull.id}/comments`, { body: 'The new ranking model times out for long queries; rolling back to yesterday’s model.' });
    });
  });
  const quiet = services[services.length - 1];
  timeline.at(now - 2 * HOUR, 'an unacknowledged pull', async () => {
    await ctx.api.post(ctx.as(org.admin), '/api/v1/andon/pulls', { target: { kind: 'service', name: quiet.name }, severity: 4, environment: 'staging', reason: `Suspicious: ${quiet.name} staging deploys take three times longer since Monday` });
  });
}

interface PullPlan {
  at: number;
  puller: string;
  acker: string | null;
  resolver: string;
  ackAfter: number;
  resolveAfter: number;
  override: boolean;
  incident: Incident;
  severity: number;
  environment?: string;
  target: { kind: string; name: string };
  service: string;
}

function pullHistory(ctx: DemoContext, plan: PullPlan): void {
  const { api, timeline } = ctx;
  const text = (s: string) => s.replaceAll('{service}', plan.service);
  timeline.at(plan.at, `pull on ${plan.service}`, async () => {
    const pull = await api.post(ctx.as(plan.puller), '/api/v1/andon/pulls', { target: plan.target, severity: plan.severity, reason: text(plan.incident.reason), ...(plan.environment ? { environment: plan.environment } : {}) });
    const path = `/api/v1/andon/pulls/${pull.id}`;
    if (plan.acker) timeline.at(plan.at + plan.ackAfter, 'acknowledge', () => api.post(ctx.as(plan.acker!), `${path}/acknowledge`, {}));
    timeline.at(plan.at + plan.ackAfter + 4 * MINUTE, 'comment on a pull', () => api.post(ctx.as(plan.acker ?? plan.resolver), `${path}/comments`, { body: text(plan.incident.comment) }));
    if (plan.override) {
      timeline.at(plan.at + plan.ackAfter + (plan.resolveAfter - plan.ackAfter) / 2, 'override', () =>
        api.post(ctx.as(plan.resolver), `${path}/overrides`, { reason: 'Deploying the fix while the cord stays pulled', minutes: 30 }),
      );
    }
    const resolvedAt = plan.at + plan.resolveAfter;
    timeline.at(resolvedAt, 'resolve', async () => {
      const resolved = await api.post(ctx.as(plan.resolver), `${path}/resolve`, { note: text(plan.incident.resolution) });
      if (resolved.coe && plan.incident.coe) writeCoe(ctx, { number: resolved.coe, team: resolved.ownerTeam, service: plan.service, incident: plan.incident.coe, pulledAt: plan.at, resolvedAt, acknowledgedAt: plan.acker ? plan.at + plan.ackAfter : null });
    });
  });
}

