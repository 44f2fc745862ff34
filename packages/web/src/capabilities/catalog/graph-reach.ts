import type { CatalogGraph } from './catalog-api';

export type Reach = { dependencies: Set<string>; dependents: Set<string> };

/** Within the drawn graph: everything the node depends on, and everything that depends on it, directly or not. */
export function reachFrom(graph: CatalogGraph, ref: string): Reach {
  const out = new Map<string, string[]>();
  const inc = new Map<string, string[]>();
  for (const { from, to } of graph.edges) {
    out.set(from, [...(out.get(from) ?? []), to]);
    inc.set(to, [...(inc.get(to) ?? []), from]);
  }
  const walk = (next: Map<string, string[]>) => {
    const seen = new Set<string>();
    const stack = [...(next.get(ref) ?? [])];
    while (stack.length) {
      const current = stack.pop()!;
      if (current === ref || seen.has(current)) continue;
      seen.add(current);
      stack.push(...(next.get(current) ?? []));
    }
    return seen;
  };
  return { dependencies: walk(out), dependents: walk(inc) };
}
