import { describe, expect, it } from 'vitest';
import type { CatalogGraph } from './catalog-api';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './graph-layout';
import { reachFrom } from './graph-reach';

const node = (name: string) => ({ ref: `component:default/${name}`, kind: 'Component', name, title: null, ownerTeam: 'payments', exists: true });
const edge = (from: string, to: string) => ({ from: `component:default/${from}`, to: `component:default/${to}`, type: 'dependsOn' });
const graphOf = (names: string[], edges: [string, string][]): CatalogGraph => ({ nodes: names.map(node), edges: edges.map(([a, b]) => edge(a, b)), truncated: false });

describe('laying out the dependency graph', () => {
  it('puts a dependent before what it depends on, and never overlaps nodes', () => {
    const graph = graphOf(['web', 'checkout', 'cart', 'db'], [['web', 'checkout'], ['checkout', 'cart'], ['cart', 'db']]);
    const { direction, positions } = layoutGraph(graph);
    const at = (n: string) => positions.get(`component:default/${n}`)!;
    const axis = direction === 'LR' ? 'x' : 'y';
    expect(at('web')[axis]).toBeLessThan(at('checkout')[axis]);
    expect(at('checkout')[axis]).toBeLessThan(at('cart')[axis]);
    expect(at('cart')[axis]).toBeLessThan(at('db')[axis]);
    expectNoOverlap([...positions.values()]);
  });

  it('packs unconnected entities into rows instead of one long column', () => {
    const names = Array.from({ length: 120 }, (_, i) => `svc-${i}`);
    const { positions } = layoutGraph(graphOf(names, [['svc-0', 'svc-1']]));
    const xs = [...positions.values()].map((p) => p.x);
    const ys = [...positions.values()].map((p) => p.y);
    const width = Math.max(...xs) + NODE_WIDTH;
    const height = Math.max(...ys) + NODE_HEIGHT;
    expect(width / height).toBeGreaterThan(0.75);
    expect(width / height).toBeLessThan(4);
    expectNoOverlap([...positions.values()]);
  });

  it('finds what a node depends on and what depends on it, through cycles', () => {
    const graph = graphOf(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'b'], ['d', 'a']]);
    const reach = reachFrom(graph, 'component:default/b');
    expect([...reach.dependencies].sort()).toEqual(['component:default/c']);
    expect([...reach.dependents].sort()).toEqual(['component:default/a', 'component:default/c', 'component:default/d']);
  });
});

function expectNoOverlap(points: { x: number; y: number }[]) {
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const apart = Math.abs(points[i].x - points[j].x) >= NODE_WIDTH || Math.abs(points[i].y - points[j].y) >= NODE_HEIGHT;
      expect(apart).toBe(true);
    }
  }
}
