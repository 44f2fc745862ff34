import { stringify } from 'yaml';
import type { DemoContext } from './demo-context';
import { SMALL_OVERLOADED } from './demo-names';
import { DAY, HOUR, MINUTE } from './demo-timeline';

/** The service catalog: a domain per group, a system, an API, a database (and sometimes a queue) and
 *  several components per product team, wired into a dependency graph with two cycles in it, a hot
 *  spot (the identity API), one reference to a service that was retired and an overloaded team. */

const NOUNS = [
  'service', 'worker', 'indexer', 'gateway', 'scheduler', 'store', 'sync', 'web', 'reporter', 'ingest', 'cache', 'router',
  'validator', 'exporter', 'notifier', 'batch', 'console', 'adapter', 'engine', 'feed', 'ledger', 'planner', 'auditor', 'importer',
];
const PLATFORM = new Set(['identity', 'api-gateway', 'data-platform', 'observability', 'build-tools', 'messaging']);

export interface DemoComponent {
  name: string;
  team: string;
  lifecycle: 'experimental' | 'production' | 'deprecated';
  type: string;
  tier: string;
  description: string;
  providesApis: string[];
  consumesApis: string[];
  dependsOn: string[];
}

export interface DemoCatalog {
  components: DemoComponent[];
  /** Component names of a team, its main service first. */
  ofTeam(team: string): string[];
}

export function planCatalog(ctx: DemoContext): DemoCatalog {
  const { random, size, org } = ctx;
  const components: DemoComponent[] = [];
  const byTeam = new Map<string, DemoComponent[]>();
  const teams = org.products;
  teams.forEach((team, ti) => {
    const overloaded = team.name === SMALL_OVERLOADED.team;
    const count = overloaded ? SMALL_OVERLOADED.services : random.int(size.servicesPerTeam[0], size.servicesPerTeam[1]);
    const nouns = ['service', ...random.shuffle(NOUNS.slice(1)).slice(0, count - 1)];
    const mine: DemoComponent[] = nouns.map((noun, j) => ({
      name: `${team.name}-${noun}`,
      team: team.name,
      lifecycle: j === 0 ? 'production' : random.chance(0.08) ? 'deprecated' : random.chance(0.15) ? 'experimental' : 'production',
      type: noun === 'web' || noun === 'console' ? 'website' : 'service',
      tier: j === 0 ? '1' : random.chance(0.4) ? '2' : '3',
      description: `${noun === 'service' ? 'The main service' : `The ${noun}`} of ${team.displayName}: ${team.mission.charAt(0).toLowerCase()}${team.mission.slice(1)}`,
      providesApis: j === 0 ? [`api:${team.name}-api`] : [],
      consumesApis: [],
      dependsOn: [],
    }));
    mine.forEach((c, j) => {
      if (j > 0 && random.chance(0.6)) c.dependsOn.push(`component:${mine[j - 1].name}`);
      if (j > 1 && random.chance(0.3)) c.dependsOn.push(`component:${mine[random.int(0, j - 2)].name}`);
      if (random.chance(0.5)) c.dependsOn.push(`resource:${team.name}-db`);
      // APIs of teams earlier in the list, and platform APIs from product teams: no cycles by accident.
      const providers = teams.filter((other, oi) => other !== team && (oi < ti || (PLATFORM.has(other.name) && !PLATFORM.has(team.name))));
      for (let k = 0; k < 2; k++) if (providers.length > 0 && random.chance(0.35)) c.consumesApis.push(`api:${random.pick(providers).name}-api`);
      if (team.name !== 'identity' && teams.some((t) => t.name === 'identity') && random.chance(0.3)) c.consumesApis.push('api:identity-api');
    });
    byTeam.set(team.name, mine);
    components.push(...mine);
  });
  // A cycle inside the first team, and one between the second and third.
  const [first, second, third] = teams.map((t) => byTeam.get(t.name)!);
  if (first && first.length >= 3) {
    link(first[1], first[0]);
    link(first[2], first[1]);
    link(first[0], first[2]);
  }
  if (second && third) {
    link(second[1] ?? second[0], third[0]);
    link(third[0], second[1] ?? second[0]);
  }
  // A service that was retired last year and is still named as a dependency.
  if (second) second[second.length - 1].dependsOn.push('component:legacy-billing');
  for (const c of components) {
    c.dependsOn = [...new Set(c.dependsOn)];
    c.consumesApis = [...new Set(c.consumesApis)].filter((api) => api !== `api:${c.team}-api`);
  }
  return { components, ofTeam: (team) => (byTeam.get(team) ?? []).map((c) => c.name) };
}

function link(from: DemoComponent, to: DemoComponent) {
  from.dependsOn.push(`component:${to.name}`);
}

/** In the first week every team registers what it owns; the last team imports its
 *  catalog-info.yaml instead of typing it in. */
export function createCatalog(ctx: DemoContext, catalog: DemoCatalog): void {
  const { api, org, timeline } = ctx;
  const day1 = timeline.start + DAY;
  const groups = org.teams.filter((t) => !t.product && t.parent);
  groups.forEach((group, i) => {
    timeline.at(day1 + i * MINUTE, `domain ${group.name}`, async () => {
      await api.post(ctx.as(org.actor(group.name)), '/api/v1/catalog/entities', { kind: 'Domain', name: group.name, title: group.displayName, description: group.mission, owner: group.name });
    });
  });
  const importer = org.products[org.products.length - 1];
  org.products.forEach((team, i) => {
    const at = day1 + HOUR + i * 20 * MINUTE;
    const owner = team.name;
    const entities = [
      { kind: 'System', name: team.name, title: team.displayName, description: team.mission, owner, domain: team.parent ?? undefined },
      { kind: 'Resource', name: `${team.name}-db`, title: `${team.displayName} database`, type: 'database', owner, system: team.name, lifecycle: 'production' },
      ...(ctx.random.chance(0.4) ? [{ kind: 'Resource', name: `${team.name}-queue`, title: `${team.displayName} queue`, type: 'queue', owner, system: team.name, lifecycle: 'production' }] : []),
      { kind: 'API', name: `${team.name}-api`, title: `${team.displayName} API`, type: 'openapi', owner, system: team.name, lifecycle: 'production', description: `What ${team.displayName} offers other teams.` },
      ...catalog.components
        .filter((c) => c.team === team.name)
        .map((c) => ({
          kind: 'Component', name: c.name, owner, system: team.name, lifecycle: c.lifecycle, type: c.type, tier: c.tier, description: c.description,
          providesApis: c.providesApis, consumesApis: c.consumesApis, dependsOn: c.dependsOn,
          tags: [team.parent ?? 'core', c.type], links: [{ url: `https://git.example.com/northwind/${c.name}`, title: 'Source' }],
        })),
    ];
    timeline.at(at, `catalog of ${team.name}`, async () => {
      const caller = ctx.as(org.actor(team.name));
      if (team === importer && org.products.length > 1) {
        await api.send(caller, 'POST', '/api/v1/catalog/import', undefined, { raw: backstageYaml(entities), headers: { 'content-type': 'application/yaml' } });
        return;
      }
      for (const entity of entities) await api.post(caller, '/api/v1/catalog/entities', entity);
    });
  });
}

/** The entities as a multi-document catalog-info.yaml, as Backstage writes them. */
function backstageYaml(entities: Record<string, unknown>[]): string {
  return entities
    .map(({ kind, name, title, description, tier, tags, links, ...spec }) =>
      stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: { name, title, description, tags, links, annotations: tier ? { 'dayone.dev/tier': tier } : undefined },
        spec,
      }),
    )
    .join('---\n');
}
