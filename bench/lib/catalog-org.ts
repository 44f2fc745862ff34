/** A made-up organisation for the catalog benchmark, the same on every run for the same seed: Backstage
 *  Group documents (departments and the teams under them), Systems, and services (Components) that depend
 *  on each other the way services in a large company do:
 *
 *  - in layers: edge services and back-ends for front-ends at the top, then product services, shared domain
 *    services, and platform services at the bottom; a service depends on services below it, mostly in the
 *    layer just below, often on its own team's, sometimes anywhere lower down;
 *  - a few platform hubs (identity, configuration, …) that a large share of everything depends on, with
 *    Zipf-like popularity, so the biggest has thousands of direct dependents;
 *  - acyclic apart from a few deliberate cycles (back edges along existing dependency paths), each its own
 *    strongly connected component, which the health analysis must find exactly. */
import { createRandom } from '@dayone/server';

/** A seeded PRNG (the demo's mulberry32): the same seed gives the same organisation. */
export const prng = (seed: number): (() => number) => createRandom(seed).next;

export interface OrgSpec {
  seed: number;
  /** Group documents in all: `departments` of them are departments, the rest teams under them. */
  groups: number;
  departments: number;
  services: number;
  /** spec.dependsOn entries over all services, cycle-closing ones included. */
  edges: number;
  hubs: number;
  /** Deliberate dependency cycles of 2 to 5 services. */
  cycles: number;
}

export const DEFAULT_ORG: OrgSpec = { seed: 20261126, groups: 1000, departments: 40, services: 10_000, edges: 50_000, hubs: 10, cycles: 12 };

export interface Service {
  name: string;
  team: string;
  system: string | null;
  /** 0 platform … 4 edge. */
  layer: number;
  /** Indexes (into Organisation.services) of what this service depends on. */
  dependsOn: number[];
  tags: string[];
}

export interface Organisation {
  spec: OrgSpec;
  departments: string[];
  teams: string[];
  /** Team of each department's teams: team name to department name. */
  parentOf: Map<string, string>;
  systems: { name: string; owner: string }[];
  services: Service[];
  edges: number;
  /** Hub names, most depended on first, with their direct dependents. */
  hubs: { name: string; fanIn: number }[];
  /** Services nothing depends on. */
  leaves: string[];
  /** The deliberate cycles as the health analysis reports them: sorted refs, largest first. */
  cycles: string[][];
  fanIn: number[];
}

const LAYER_SHARE = [0.06, 0.14, 0.3, 0.3, 0.2];
const LANGUAGES = ['java', 'kotlin', 'go', 'node', 'python', 'rust', 'scala', 'dotnet'];
const STYLES = ['rest', 'grpc', 'graphql', 'kafka', 'batch'];
const DOMAINS = ['payments', 'checkout', 'search', 'catalogue', 'identity', 'pricing', 'fulfilment', 'shipping', 'returns', 'ads', 'reviews', 'messaging', 'billing', 'fraud', 'inventory', 'loyalty'];
const LAYER_NAMES = ['platform', 'shared domain', 'product', 'product', 'edge'];

export const serviceRef = (name: string) => `component:default/${name}`;

export function generateOrganisation(spec: OrgSpec = DEFAULT_ORG): Organisation {
  const random = prng(spec.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];

  // Departments and teams.
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const departments = Array.from({ length: spec.departments }, (_, i) => `dept-${pad(i + 1, 2)}`);
  const teams = Array.from({ length: spec.groups - spec.departments }, (_, i) => `team-${pad(i + 1, 4)}`);
  const parentOf = new Map(teams.map((t) => [t, pick(departments)]));

  // Who owns how many services: skewed, a few teams own dozens, many own a handful.
  const weights = teams.map(() => 0.15 - Math.log(1 - random()));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1];
  const weightedTeam = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const teamOfService = Array.from({ length: spec.services }, () => weightedTeam());
  const owned = new Array<number>(teams.length).fill(0);
  for (const t of teamOfService) owned[t]++;

  // Systems: teams with several services group most of them into one or two systems.
  const systems: { name: string; owner: string }[] = [];
  const systemsOfTeam = teams.map((team, t) => {
    const count = owned[t] >= 20 ? 2 : owned[t] >= 6 ? 1 : 0;
    return Array.from({ length: count }, () => {
      const name = `sys-${pad(systems.length + 1, 4)}`;
      systems.push({ name, owner: team });
      return name;
    });
  });

  // Names are svc-0 … svc-9999; their layers (and so the hubs) are spread over the names at random.
  const order = Array.from({ length: spec.services }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  /** position[service] = where it stands in the dependency order: it may only depend on earlier ones. */
  const position = new Array<number>(spec.services);
  order.forEach((service, p) => (position[service] = p));
  const layerStart: number[] = [];
  LAYER_SHARE.reduce((start, share, layer) => {
    layerStart[layer] = Math.round(start * spec.services);
    return start + share;
  }, 0);
  layerStart.push(spec.services);
  const layerAt = (p: number) => {
    let layer = 0;
    while (p >= layerStart[layer + 1]) layer++;
    return layer;
  };

  const services: Service[] = Array.from({ length: spec.services }, (_, i) => {
    const team = teams[teamOfService[i]];
    const own = systemsOfTeam[teamOfService[i]];
    return {
      name: `svc-${i}`,
      team,
      system: own.length && random() < 0.75 ? pick(own) : null,
      layer: layerAt(position[i]),
      dependsOn: [],
      tags: [pick(LANGUAGES), pick(STYLES)],
    };
  });

  // How many dependencies each service has: none for the hubs, a few for platform services, a long-tailed
  // number for the rest, then nudged so the total is exactly spec.edges (less the cycle-closing edges).
  const acyclicEdges = spec.edges - spec.cycles;
  const counts = order.map((service, p) => {
    if (p < spec.hubs) return 0;
    const layer = services[service].layer;
    const raw = layer === 0 ? int(3) : 1 + Math.floor(-Math.log(1 - random()) * 4.6);
    return Math.min(raw, 40, p);
  });
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== acyclicEdges) {
    const p = spec.hubs + int(spec.services - spec.hubs);
    const floor = services[order[p]].layer === 0 ? 0 : 1;
    if (sum < acyclicEdges && counts[p] < Math.min(40, p)) {
      counts[p]++;
      sum++;
    } else if (sum > acyclicEdges && counts[p] > floor) {
      counts[p]--;
      sum--;
    }
  }

  // Which: hubs (Zipf), the team's own services lower down, the layer just below, or anything lower.
  const hubWeights = Array.from({ length: spec.hubs }, (_, k) => 1 / (k + 1));
  const hubTotal = hubWeights.reduce((a, b) => a + b, 0);
  const pickHub = () => {
    let x = random() * hubTotal;
    for (let k = 0; k < spec.hubs; k++) if ((x -= hubWeights[k]) < 0) return k;
    return spec.hubs - 1;
  };
  const byTeamInOrder = new Map<number, number[]>();
  for (const service of order) {
    const t = teamOfService[service];
    if (!byTeamInOrder.has(t)) byTeamInOrder.set(t, []);
    byTeamInOrder.get(t)!.push(position[service]);
  }
  const ownEarlier = (service: number, p: number) => {
    const list = byTeamInOrder.get(teamOfService[service])!;
    let n = 0;
    while (n < list.length && list[n] < p) n++;
    return n ? list[int(n)] : -1;
  };
  order.forEach((service, p) => {
    const chosen = new Set<number>();
    const layer = services[service].layer;
    for (let attempts = 0; chosen.size < counts[p] && attempts < counts[p] * 20; attempts++) {
      const roll = random();
      let q: number;
      if (roll < 0.15) q = pickHub();
      else if (roll < 0.4) q = ownEarlier(service, p);
      else if (roll < 0.47 || layer === 0) q = int(p);
      else q = layerStart[layer - 1] + int(layerStart[layer] - layerStart[layer - 1]);
      if (q >= 0 && q < p) chosen.add(q);
    }
    for (let q = p - 1; chosen.size < counts[p]; q--) chosen.add(q);
    services[service].dependsOn = [...chosen].map((q) => order[q]);
  });

  // Deliberate cycles: follow dependencies down from a service (not through a hub, not through an earlier
  // cycle) and make the last one depend on the first. Kept only when exactly the walked services become
  // one strongly connected component (no other path joins in), so the expected answer is known.
  const used = new Set<number>();
  const hubSet = new Set(order.slice(0, spec.hubs));
  const cycles: number[][] = [];
  const lengths = Array.from({ length: spec.cycles }, (_, k) => 2 + (k % 4));
  for (const length of lengths) {
    for (let attempt = 0; attempt < 5000; attempt++) {
      const start = order[layerStart[2] + int(spec.services - layerStart[2])];
      if (used.has(start)) continue;
      const walk = [start];
      while (walk.length < length) {
        const options = services[walk[walk.length - 1]].dependsOn.filter((d) => !hubSet.has(d) && !used.has(d) && !walk.includes(d));
        if (!options.length) break;
        walk.push(pick(options));
      }
      if (walk.length < length) continue;
      const members = onPaths(services, walk[0], walk[walk.length - 1]);
      if (members.size !== length || [...members].some((m) => used.has(m))) continue;
      services[walk[walk.length - 1]].dependsOn.push(walk[0]);
      for (const m of walk) used.add(m);
      cycles.push(walk);
      break;
    }
  }
  if (cycles.length !== spec.cycles) throw new Error(`could only lay ${cycles.length} of ${spec.cycles} cycles`);

  const fanIn = new Array<number>(spec.services).fill(0);
  for (const s of services) for (const d of s.dependsOn) fanIn[d]++;
  const edges = services.reduce((n, s) => n + s.dependsOn.length, 0);
  const hubs = [...hubSet].map((h) => ({ name: services[h].name, fanIn: fanIn[h] })).sort((a, b) => b.fanIn - a.fanIn);
  return {
    spec,
    departments,
    teams,
    parentOf,
    systems,
    services,
    edges,
    hubs,
    leaves: services.filter((_, i) => fanIn[i] === 0).map((s) => s.name),
    cycles: cycles.map((c) => c.map((i) => serviceRef(services[i].name)).sort()).sort((a, b) => b.length - a.length || a[0].localeCompare(b[0])),
    fanIn,
  };
}

/** Services on some dependency path from `from` to `to` (both included), in the graph as it is. */
function onPaths(services: Service[], from: number, to: number): Set<number> {
  const reach = (start: number, next: (n: number) => number[]) => {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) for (const m of next(stack.pop()!)) if (!seen.has(m)) (seen.add(m), stack.push(m));
    return seen;
  };
  const down = reach(from, (n) => services[n].dependsOn);
  if (!down.has(to)) return new Set();
  const dependents = new Map<number, number[]>();
  for (const [i, s] of services.entries()) for (const d of s.dependsOn) if (down.has(d) && down.has(i)) (dependents.get(d) ?? dependents.set(d, []).get(d)!).push(i);
  const up = reach(to, (n) => dependents.get(n) ?? []);
  return new Set([...down].filter((n) => up.has(n)));
}

// ---- catalog-info.yaml ------------------------------------------------------------------------------------
// Every scalar is written as a JSON string, which is valid YAML whatever it contains.
const q = (s: string) => JSON.stringify(s);
const API = 'apiVersion: backstage.io/v1alpha1';

export function groupDocuments(org: Organisation): string[] {
  const dept = org.departments.map(
    (d) => `${API}\nkind: Group\nmetadata:\n  name: ${q(d)}\n  description: ${q(`Department ${d.slice(5)}`)}\nspec:\n  type: department\n  profile:\n    displayName: ${q(`Department ${d.slice(5)}`)}\n  children: []\n`,
  );
  const teams = org.teams.map(
    (t) =>
      `${API}\nkind: Group\nmetadata:\n  name: ${q(t)}\n  description: ${q(`Builds and runs its services end to end (${t})`)}\nspec:\n  type: team\n  profile:\n    displayName: ${q(`Team ${t.slice(5)}`)}\n  parent: ${q(org.parentOf.get(t)!)}\n  children: []\n`,
  );
  return [...dept, ...teams];
}

export function systemDocuments(org: Organisation): string[] {
  return org.systems.map((s, i) => `${API}\nkind: System\nmetadata:\n  name: ${q(s.name)}\n  description: ${q(`The ${DOMAINS[i % DOMAINS.length]} system of ${s.owner}`)}\nspec:\n  owner: ${q(s.owner)}\n`);
}

export function serviceDocuments(org: Organisation): string[] {
  return org.services.map((s, i) => {
    const lines = [
      API,
      'kind: Component',
      'metadata:',
      `  name: ${q(s.name)}`,
      `  title: ${q(`Service ${i}`)}`,
      `  description: ${q(`A ${LAYER_NAMES[s.layer]} service for ${DOMAINS[i % DOMAINS.length]}, run by ${s.team}`)}`,
      `  tags: [${s.tags.map(q).join(', ')}]`,
      'spec:',
      '  type: service',
      '  lifecycle: production',
      `  owner: ${q(s.team)}`,
      ...(s.system ? [`  system: ${q(s.system)}`] : []),
      ...(s.dependsOn.length ? ['  dependsOn:', ...s.dependsOn.map((d) => `    - ${q(`component:${org.services[d].name}`)}`)] : []),
    ];
    return `${lines.join('\n')}\n`;
  });
}

/** Documents joined into one multi-document catalog-info.yaml. */
export const yamlFile = (documents: string[]) => documents.map((d) => `---\n${d}`).join('');
