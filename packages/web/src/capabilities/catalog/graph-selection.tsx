import { Anchor, Badge, Button, Group, List, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CatalogGraph } from './catalog-api';
import { entityPath, shortRef } from './catalog-ref';
import { DanglingBadge } from './entity-ref-link';
import { reachFrom } from './graph-reach';

type GraphSelectionProps = { graph: CatalogGraph; selected: string | null; onFocus: (ref: string) => void; onSelect: (ref: string | null) => void };

/** The selected node: what it is, a link to its page, and what it depends on and what depends on it in view. */
export function GraphSelection({ graph, selected, onFocus, onSelect }: GraphSelectionProps) {
  const node = graph.nodes.find((n) => n.ref === selected);
  if (!node) {
    return (
      <Paper withBorder p="sm">
        <Text size="sm" c="dimmed">
          Click a node (or tab to it and press Enter) to see what it depends on and what depends on it.
        </Text>
        <Legend />
      </Paper>
    );
  }
  const reach = reachFrom(graph, node.ref);
  const label = (ref: string) => {
    const n = graph.nodes.find((x) => x.ref === ref);
    return n?.title ?? n?.name ?? shortRef(ref);
  };
  const refList = (refs: Set<string>, empty: string) =>
    refs.size === 0 ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : (
      <List size="sm" spacing={2}>
        {[...refs].sort().map((ref) => (
          <List.Item key={ref}>
            <Anchor component="button" type="button" size="sm" onClick={() => onSelect(ref)}>
              {label(ref)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    );
  return (
    <Paper withBorder p="sm" component="section" aria-label="Selected entity">
      <Stack gap="xs">
        <div>
          <Text fw={700}>{node.title ?? node.name}</Text>
          <Group gap={6}>
            <Badge size="sm" variant="light">
              {node.kind}
            </Badge>
            {!node.exists && <DanglingBadge />}
          </Group>
          <Text size="sm" c="dimmed">
            {shortRef(node.ref)}
          </Text>
          {node.ownerTeam && (
            <Text size="sm">
              Owner:{' '}
              <Anchor component={Link} to={`/teams/${encodeURIComponent(node.ownerTeam)}`}>
                {node.ownerTeam}
              </Anchor>
            </Text>
          )}
        </div>
        <Group gap="xs">
          {node.exists && (
            <Button component={Link} to={entityPath(node.ref)} size="xs">
              Open entity page
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => onFocus(node.ref)}>
            Focus the graph here
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Text size="sm" fw={600} c="blue.7">
            Depends on, in view ({reach.dependencies.size})
          </Text>
          {refList(reach.dependencies, 'Nothing in view.')}
          <Text size="sm" fw={600} c="orange.8" mt="xs">
            Depended on by, in view ({reach.dependents.size})
          </Text>
          {refList(reach.dependents, 'Nothing in view.')}
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}

function Legend() {
  return (
    <Stack gap={2} mt="xs">
      <Text size="xs" c="dimmed">
        Arrows point from a dependent to what it depends on.
      </Text>
      <Text size="xs" c="blue.7">
        Blue: what the selected node depends on
      </Text>
      <Text size="xs" c="orange.8">
        Orange: what depends on the selected node
      </Text>
      <Text size="xs" c="grape.7">
        Purple: both, because they are in a cycle with it
      </Text>
      <Text size="xs" c="dimmed">
        Dashed border: referenced but not in the catalog
      </Text>
    </Stack>
  );
}
