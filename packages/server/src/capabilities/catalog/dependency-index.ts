import type { EventBus } from '../../platform/events/event-bus';
import { push } from '../../platform/multimap';
import { dependencyEdges } from './catalog-health';
import type { CatalogStore } from './catalog-store';

const CATALOG_TOPIC = 'catalog.changed';

/** Who depends on whom, kept in memory for graph walks: built on first use, dropped on every catalog
 *  change (here at once, elsewhere through the bus), so a walk never reads the database level by level. */
export function createDependencyIndex(store: CatalogStore, bus: EventBus) {
  let reverse: Promise<Map<string, string[]>> | null = null;
  let generation = 0;
  const forget = () => {
    generation++;
    reverse = null;
  };
  bus.subscribe((e) => {
    if (e.topic === CATALOG_TOPIC) forget();
  });

  async function build(): Promise<Map<string, string[]>> {
    const started = generation;
    const map = new Map<string, string[]>();
    for (const [from, to] of dependencyEdges(await store.graph())) push(map, to, from);
    if (started !== generation) reverse = null; // changed while building: the next walk rebuilds
    return map;
  }

  return {
    forget,
    /** Everything that depends on `ref`, with the shortest distance (1 = directly). */
    async dependents(ref: string, transitive: boolean): Promise<{ ref: string; depth: number }[]> {
      const index = await (reverse ??= build());
      const depth = new Map<string, number>();
      let frontier = [ref];
      for (let level = 1; frontier.length && (transitive || level === 1); level++) {
        const next: string[] = [];
        for (const node of frontier) {
          for (const found of index.get(node) ?? []) {
            if (found === ref || depth.has(found)) continue;
            depth.set(found, level);
            next.push(found);
          }
        }
        frontier = next;
      }
      return [...depth].map(([r, d]) => ({ ref: r, depth: d })).sort((a, b) => a.depth - b.depth || a.ref.localeCompare(b.ref));
    },
  };
}
export type DependencyIndex = ReturnType<typeof createDependencyIndex>;
