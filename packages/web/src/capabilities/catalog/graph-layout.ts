import { graphlib, layout } from '@dagrejs/dagre';
import type { CatalogGraph } from './catalog-api';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 58;
const GAP = 40;

export type GraphDirection = 'LR' | 'TB';
type Point = { x: number; y: number };
export type GraphLayout = { direction: GraphDirection; positions: Map<string, Point> };

/** Above this many nodes only left-to-right is laid out: dagre's time grows fast with size. */
const TRY_BOTH_UP_TO = 80;

/** Node positions: dagre lays out each connected group (dependents before what they depend on), and the
 *  groups are packed in rows to fit a box of the given width:height ratio. For small graphs both
 *  left-to-right and top-to-bottom are tried, and the one that fits the box larger wins. */
export function layoutGraph(graph: CatalogGraph, boxRatio = 1.5): GraphLayout {
  const groups = connectedGroups(graph);
  const directions: GraphDirection[] = graph.nodes.length <= TRY_BOTH_UP_TO ? ['LR', 'TB'] : ['LR'];
  const candidates = directions.map((direction) => pack(groups.map((g) => layoutGroup(g, direction)), boxRatio, direction));
  const scale = (c: Packed) => Math.min(boxRatio / c.width, 1 / c.height);
  const best = candidates.reduce((a, b) => (scale(b) > scale(a) ? b : a));
  return { direction: best.direction, positions: best.positions };
}

type Group = { nodes: string[]; edges: [string, string][] };
type Placed = { positions: Map<string, Point>; width: number; height: number };
type Packed = Placed & { direction: GraphDirection };

/** The graph's weakly connected groups, largest first (union-find). */
function connectedGroups(graph: CatalogGraph): Group[] {
  const parent = new Map(graph.nodes.map((n) => [n.ref, n.ref]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (x !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const edges = graph.edges.filter((e) => e.from !== e.to && parent.has(e.from) && parent.has(e.to));
  for (const e of edges) parent.set(find(e.from), find(e.to));
  const groups = new Map<string, Group>();
  for (const n of graph.nodes) {
    const root = find(n.ref);
    if (!groups.has(root)) groups.set(root, { nodes: [], edges: [] });
    groups.get(root)!.nodes.push(n.ref);
  }
  for (const e of edges) groups.get(find(e.from))!.edges.push([e.from, e.to]);
  return [...groups.values()].sort((a, b) => b.nodes.length - a.nodes.length);
}

function layoutGroup(group: Group, direction: GraphDirection): Placed {
  if (group.nodes.length === 1) return { positions: new Map([[group.nodes[0], { x: 0, y: 0 }]]), width: NODE_WIDTH, height: NODE_HEIGHT };
  const g = new graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: direction === 'LR' ? 20 : 28, ranksep: direction === 'LR' ? 70 : 50 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const ref of group.nodes) g.setNode(ref, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const [from, to] of group.edges) g.setEdge(from, to);
  layout(g);
  const positions = new Map<string, Point>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ref of group.nodes) {
    // dagre gives centres; the drawing wants top-left corners.
    const { x, y } = g.node(ref);
    const corner = { x: x - NODE_WIDTH / 2, y: y - NODE_HEIGHT / 2 };
    positions.set(ref, corner);
    minX = Math.min(minX, corner.x);
    minY = Math.min(minY, corner.y);
    maxX = Math.max(maxX, corner.x + NODE_WIDTH);
    maxY = Math.max(maxY, corner.y + NODE_HEIGHT);
  }
  for (const p of positions.values()) {
    p.x -= minX;
    p.y -= minY;
  }
  return { positions, width: maxX - minX, height: maxY - minY };
}

/** Shelf packing: groups left to right in rows about as wide as a box of the ratio would be. */
function pack(groups: Placed[], boxRatio: number, direction: GraphDirection): Packed {
  const area = groups.reduce((sum, g) => sum + (g.width + GAP) * (g.height + GAP), 0);
  const rowWidth = Math.max(Math.sqrt(area * boxRatio), ...groups.map((g) => g.width));
  const positions = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const g of groups) {
    if (x > 0 && x + g.width > rowWidth) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    for (const [ref, p] of g.positions) positions.set(ref, { x: p.x + x, y: p.y + y });
    x += g.width + GAP;
    width = Math.max(width, x - GAP);
    rowHeight = Math.max(rowHeight, g.height);
  }
  return { direction, positions, width: Math.max(1, width), height: Math.max(1, y + rowHeight) };
}
