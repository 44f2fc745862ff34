import { push } from '../../platform/multimap';
import type { GraphInput } from './catalog-health';
import { dependencyEdges } from './catalog-health';

export interface GraphRequest {
  focus?: string;
  depth: number;
  team?: string;
  system?: string;
  limit: number;
}

/** A neighbourhood of the dependency graph to draw: around one entity, or a team's or system's entities
 *  with their direct neighbours; never the whole catalog at once. */
export function neighbourhood(g: GraphInput, req: GraphRequest) {
  const byRef = new Map(g.entities.map((e) => [e.ref_key, e]));
  const edges = dependencyEdges(g);
  const out = new Map<string, string[]>();
  const inc = new Map<string, string[]>();
  for (const [a, b] of edges) {
    push(out, a, b);
    push(inc, b, a);
  }
  let seeds: string[];
  let depth = req.depth;
  if (req.focus) seeds = [req.focus.toLowerCase()];
  else {
    const system = req.system?.toLowerCase();
    const systemRef = system && !system.includes(':') ? `system:default/${system}` : system;
    const partOf = new Set(g.relations.filter((r) => r.type === 'partOf' && r.target_ref === systemRef).map((r) => r.source_id));
    seeds = g.entities
      .filter((e) => (req.team ? e.owner_group === req.team.toLowerCase() : true) && (systemRef ? partOf.has(e.id) : true))
      .map((e) => e.ref_key);
    depth = 1;
  }
  const included = new Set<string>();
  let frontier = seeds.filter((s) => byRef.has(s) || req.focus);
  let truncated = false;
  for (let level = 0; level <= depth && frontier.length; level++) {
    const next: string[] = [];
    for (const ref of frontier) {
      if (included.has(ref)) continue;
      if (included.size >= req.limit) {
        truncated = true;
        break;
      }
      included.add(ref);
      if (level < depth) next.push(...(out.get(ref) ?? []), ...(inc.get(ref) ?? []));
    }
    frontier = next;
  }
  return {
    nodes: [...included].map((ref) => {
      const e = byRef.get(ref);
      const name = ref.split('/').pop()!;
      return { ref, kind: e?.kind ?? ref.split(':')[0], name, title: e?.title ?? null, ownerTeam: e?.owner_group ?? null, exists: !!e };
    }),
    edges: edges.filter(([a, b]) => included.has(a) && included.has(b)).map(([from, to]) => ({ from, to, type: 'dependsOn' })),
    truncated,
  };
}
