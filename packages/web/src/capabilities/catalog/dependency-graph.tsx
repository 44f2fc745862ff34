import '@xyflow/react/dist/style.css';
import { Box, Center, Loader, Stack, Text } from '@mantine/core';
import { Background, Controls, MarkerType, ReactFlow, type Edge, type NodeChange } from '@xyflow/react';
import { useMemo } from 'react';
import type { CatalogGraph } from './catalog-api';
import { shortRef } from './catalog-ref';
import { reachFrom } from './graph-reach';
import { GraphEntityNode, type EntityNode, type GraphRole } from './graph-node';
import { useGraphLayout } from './use-graph-layout';

const nodeTypes = { entity: GraphEntityNode };
const edgeColors = {
  dependency: 'var(--mantine-color-blue-6)',
  dependent: 'var(--mantine-color-orange-6)',
  plain: 'var(--mantine-color-gray-6)',
  dimmed: 'var(--mantine-color-gray-3)',
};

type DependencyGraphProps = {
  graph: CatalogGraph;
  focus?: string;
  selected: string | null;
  onSelect: (ref: string | null) => void;
};

/** The dependency graph drawn with pan and zoom; an arrow points from a dependent to what it depends on.
 *  Selecting a node lights up what it depends on (blue), what depends on it (orange), and both at once (purple: a cycle). */
export function DependencyGraph({ graph, focus, selected, onSelect }: DependencyGraphProps) {
  const layout = useGraphLayout(graph);
  const reach = useMemo(() => (selected ? reachFrom(graph, selected) : null), [graph, selected]);

  const frame = { role: 'region', 'aria-label': 'Dependency graph', h: 600, style: { border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 } } as const;
  if (!layout) {
    return (
      <Box {...frame}>
        <Center h="100%">
          <Stack align="center" gap="xs">
            <Loader aria-label="Laying out the graph" />
            <Text size="sm" c="dimmed">
              Laying out {graph.nodes.length} entities…
            </Text>
          </Stack>
        </Center>
      </Box>
    );
  }
  const { positions, direction } = layout;

  const roleOf = (ref: string): GraphRole => {
    if (!reach) return 'plain';
    if (ref === selected) return 'selected';
    // In a cycle a node is both: it depends on the selected one and the selected one depends on it.
    if (reach.dependencies.has(ref) && reach.dependents.has(ref)) return 'both';
    if (reach.dependencies.has(ref)) return 'dependency';
    if (reach.dependents.has(ref)) return 'dependent';
    return 'dimmed';
  };

  const nodes: EntityNode[] = graph.nodes.map((n) => ({
    id: n.ref,
    type: 'entity',
    position: positions.get(n.ref) ?? { x: 0, y: 0 },
    selected: n.ref === selected,
    ariaLabel: `${n.title ?? n.name}, ${n.kind}${n.exists ? '' : ', not in the catalog'}`,
    data: { label: n.title ?? n.name, kind: n.kind, ownerTeam: n.ownerTeam, exists: n.exists, focus: n.ref === focus?.toLowerCase(), role: roleOf(n.ref), direction },
  }));

  const edges: Edge[] = graph.edges.map((e) => {
    const kind = !reach
      ? 'plain'
      : (e.from === selected || reach.dependencies.has(e.from)) && reach.dependencies.has(e.to)
        ? 'dependency'
        : (e.to === selected || reach.dependents.has(e.to)) && reach.dependents.has(e.from)
          ? 'dependent'
          : 'dimmed';
    const color = edgeColors[kind];
    return {
      id: `${e.from}->${e.to}`,
      source: e.from,
      target: e.to,
      ariaLabel: `${shortRef(e.from)} depends on ${shortRef(e.to)}`,
      animated: kind === 'dependency' || kind === 'dependent',
      style: { stroke: color, strokeWidth: kind === 'plain' || kind === 'dimmed' ? 1.2 : 2 },
      markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
    };
  });

  const onNodesChange = (changes: NodeChange<EntityNode>[]) => {
    const chosen = changes.find((c) => c.type === 'select' && c.selected);
    if (chosen && chosen.type === 'select') onSelect(chosen.id);
    else if (changes.some((c) => c.type === 'select' && !c.selected && c.id === selected)) onSelect(null);
  };

  return (
    <Box {...frame}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.05}
        maxZoom={2}
        onlyRenderVisibleElements={graph.nodes.length > 150}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Box>
  );
}
