import { push } from '../../platform/multimap';
import type { CatalogHealth } from '@dayone/contracts';

export interface GraphInput {
  entities: { id: string; ref_key: string; kind: string; owner_ref: string | null; owner_group: string | null; title?: string | null }[];
  relations: { source_id: string; type: string; target_ref: string }[];
  teams: { name: string; members: number | null }[];
  people: { name: string }[];
}

/** Thresholds, documented in docs/catalog.md. */
export const HEALTH_RULES = {
  fanInHotSpot: 10,
  fanOut: 15,
  servicesPerMember: 3,
  listed: 50,
};

/** A team owning more components than its people can carry: more than servicesPerMember per person
 *  (a team with nobody in it counts as one). */
export const overloaded = (components: number, members: number) => components > Math.max(1, members) * HEALTH_RULES.servicesPerMember;

/** Dependency edges "from depends on to": dependsOn, consumesApi, and an API on the component providing it. */
export function dependencyEdges(g: GraphInput): [string, string][] {
  const refById = new Map(g.entities.map((e) => [e.id, e.ref_key]));
  const edges: [string, string][] = [];
  for (const r of g.relations) {
    const source = refById.get(r.source_id)!;
    if (r.type === 'dependsOn' || r.type === 'consumesApi') edges.push([source, r.target_ref]);
    else if (r.type === 'providesApi') edges.push([r.target_ref, source]);
  }
  return edges;
}

/** Strongly connected components (Tarjan, iterative so deep graphs cannot overflow the stack). */
export function stronglyConnected(nodes: string[], adjacency: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const targets = adjacency.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const t = targets[frame.next++];
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, next: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The architecture's health: cycles, hot spots, cross-team edges, ownership gaps and overloaded teams. */
export function analyseCatalog(g: GraphInput): CatalogHealth {
  const known = new Set(g.entities.map((e) => e.ref_key));
  const teamOf = new Map(g.entities.map((e) => [e.ref_key, e.owner_group]));
  const teamNames = new Map(g.teams.map((t) => [t.name.toLowerCase(), t]));
  const people = new Set(g.people.map((p) => p.name.toLowerCase()));
  const edges = dependencyEdges(g).filter(([a, b]) => known.has(a) && known.has(b));
  const adjacency = new Map<string, string[]>();
  const fanIn = new Map<string, number>();
  for (const [a, b] of edges) {
    push(adjacency, a, b);
    fanIn.set(b, (fanIn.get(b) ?? 0) + 1);
  }
  const selfLoops = new Set(edges.filter(([a, b]) => a === b).map(([a]) => a));
  const cycles = stronglyConnected([...known].sort(), adjacency)
    .filter((c) => c.length > 1 || selfLoops.has(c[0]))
    .map((c) => c.sort())
    .sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));

  const findings: CatalogHealth['findings'] = [];
  for (const cycle of cycles.slice(0, HEALTH_RULES.listed)) {
    findings.push({ code: 'CYCLE', meaning: 'These depend on each other in a loop, so none can be changed, deployed or fail alone.', entities: cycle, detail: `${cycle.length} entities in one dependency cycle` });
  }
  const top = (m: Map<string, number>, min: number) => [...m].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, HEALTH_RULES.listed);
  for (const [ref, n] of top(fanIn, HEALTH_RULES.fanInHotSpot)) {
    findings.push({ code: 'FAN_IN_HOT_SPOT', meaning: 'Many things depend on this; its failures spread far and its changes need care.', entities: [ref], detail: `${n} direct dependents` });
  }
  const fanOut = new Map([...adjacency].map(([k, v]) => [k, v.length]));
  for (const [ref, n] of top(fanOut, HEALTH_RULES.fanOut)) {
    findings.push({ code: 'FAN_OUT', meaning: 'This depends on many things, so it is coupled to many teams’ changes.', entities: [ref], detail: `${n} direct dependencies` });
  }
  const crossPairs = new Map<string, string[]>();
  let crossTeamEdges = 0;
  for (const [a, b] of edges) {
    const ta = teamOf.get(a);
    const tb = teamOf.get(b);
    if (ta && tb && ta !== tb) {
      crossTeamEdges++;
      const key = `${ta} → ${tb}`;
      push(crossPairs, key, `${a} → ${b}`);
    }
  }
  for (const [pair, list] of [...crossPairs].sort((a, b) => b[1].length - a[1].length).slice(0, HEALTH_RULES.listed)) {
    findings.push({ code: 'CROSS_TEAM_EDGE', meaning: 'A dependency between two teams’ services: a coordination cost each time either changes.', entities: [...new Set(list.flatMap((e) => e.split(' → ')))].slice(0, 20), detail: `${pair}: ${list.length} edge(s)` });
  }
  for (const e of g.entities) {
    if (!e.owner_ref) {
      findings.push({ code: 'NO_OWNER', meaning: 'Nobody owns this; nobody will fix it when it breaks.', entities: [e.ref_key], detail: `${e.ref_key} has no owner` });
    } else {
      const [kind, rest] = e.owner_ref.split(':');
      const name = rest.split('/')[1];
      const resolves = kind === 'group' ? teamNames.has(name) : kind === 'user' ? people.has(name) : false;
      if (!resolves) findings.push({ code: 'DANGLING_OWNER', meaning: 'The owner named here is not a team or person in Day One.', entities: [e.ref_key], detail: `owner ${e.owner_ref} does not exist` });
    }
  }
  const refById = new Map(g.entities.map((e) => [e.id, e.ref_key]));
  const dangling = new Map<string, string[]>();
  for (const r of g.relations) {
    if (!known.has(r.target_ref)) push(dangling, r.target_ref, refById.get(r.source_id)!);
  }
  for (const [target, sources] of [...dangling].sort((a, b) => b[1].length - a[1].length).slice(0, HEALTH_RULES.listed * 4)) {
    findings.push({ code: 'DANGLING_REFERENCE', meaning: 'Something is referenced that is not in the catalog: a typo, or a missing registration.', entities: sources.slice(0, 20), detail: `${target} is referenced by ${sources.length} entit${sources.length === 1 ? 'y' : 'ies'} but not registered` });
  }
  const owned = new Map<string, number>();
  for (const e of g.entities) if (e.kind === 'Component' && e.owner_group) owned.set(e.owner_group, (owned.get(e.owner_group) ?? 0) + 1);
  for (const [team, count] of owned) {
    const t = teamNames.get(team);
    if (!t) continue;
    const members = Number(t.members ?? 0);
    if (overloaded(count, members)) {
      findings.push({ code: 'TEAM_OVERLOADED', meaning: `A team carrying more than ${HEALTH_RULES.servicesPerMember} components per person cannot own them well.`, entities: [`group:default/${team}`], detail: `${t.name} owns ${count} components with ${members} member(s)` });
    }
  }
  return { entities: g.entities.length, edges: edges.length, crossTeamEdges, cycles, findings };
}
