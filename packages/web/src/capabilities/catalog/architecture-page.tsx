import { Alert, Center, Divider, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { catalogKeys, fetchGraph, fetchHealth, type GraphRequest } from './catalog-api';
import { GraphControls } from './graph-controls';
import { GraphSelection } from './graph-selection';
import { HealthOverview } from './health-overview';
import { useGraphRequest } from './use-graph-request';

// The drawing libraries are loaded only when a graph is drawn.
const DependencyGraph = lazy(() => import('./dependency-graph').then((m) => ({ default: m.DependencyGraph })));

/** The architecture's health, and its dependency graph drawn one neighbourhood at a time. */
export function ArchitecturePage() {
  const health = useQuery({ queryKey: catalogKeys.health, queryFn: fetchHealth });
  const graphRequest = useGraphRequest();
  return (
    <Stack>
      <PageHeader title="Architecture" description="How the catalog's services depend on each other: loops, hot spots, gaps in ownership, and the dependency graph." />
      <QueryState query={health}>{(h) => <HealthOverview health={h} />}</QueryState>
      <Divider />
      <Title order={2} size="h4">
        Dependency graph
      </Title>
      <GraphControls {...graphRequest} />
      {graphRequest.request ? (
        <GraphView key={JSON.stringify(graphRequest.request)} request={graphRequest.request} focus={graphRequest.request.focus} onFocus={graphRequest.setFocus} />
      ) : (
        <Text c="dimmed">Choose an entity, a team or a system to draw its part of the graph. The whole catalog is never drawn at once.</Text>
      )}
    </Stack>
  );
}

function GraphView({ request, focus, onFocus }: { request: GraphRequest; focus?: string; onFocus: (ref: string) => void }) {
  const graph = useQuery({ queryKey: catalogKeys.graph(request), queryFn: () => fetchGraph(request) });
  const [selected, setSelected] = useState<string | null>(focus?.toLowerCase() ?? null);
  if (graph.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading the graph" />
      </Center>
    );
  }
  if (graph.isError) return <ProblemAlert error={graph.error} title="The graph could not be drawn" />;
  const data = graph.data;
  if (data.nodes.length === 0) return <Text c="dimmed">Nothing to draw here: no entity matches.</Text>;
  return (
    <Stack gap="xs">
      {data.truncated && (
        <Alert color="yellow" title="Truncated">
          This part of the graph is larger than the server draws at once, so only the first {data.nodes.length} entities are shown. Focus on one entity, or lower the depth, to see all of a smaller neighbourhood.
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {data.nodes.length} entities and {data.edges.length} dependencies. Drag to pan, scroll or pinch to zoom.
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Suspense fallback={<Center h={560}><Loader aria-label="Loading the graph" /></Center>}>
            <DependencyGraph graph={data} focus={focus} selected={selected} onSelect={setSelected} />
          </Suspense>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <GraphSelection graph={data} selected={selected} onSelect={setSelected} onFocus={onFocus} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
