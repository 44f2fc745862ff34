import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { PullCordButton } from '../andon/pull-cord-button';
import { ServiceAndonCard } from '../andon/service-andon-card';
import type { CatalogEntityDetail } from './catalog-api';

const notYet = ['Corrections of Error', 'Experiments'];

/** The mechanisms around an entity: the andon cord of a service or system, and where later capabilities
 *  will show its COEs and experiments. */
export function EntityPlaceholders({ entity }: { entity: CatalogEntityDetail }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <AndonCard entity={entity} />
      {notYet.map((title) => (
        <Paper key={title} withBorder p="sm" component="section" aria-label={title}>
          <Text fw={600} size="sm">
            {title}
          </Text>
          <Text size="sm" c="dimmed">
            Not tracked yet for this service.
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function AndonCard({ entity }: { entity: CatalogEntityDetail }) {
  const name = entity.title ?? entity.name;
  if (entity.kind === 'Component') return <ServiceAndonCard serviceRef={entity.ref} name={name} />;
  return (
    <Paper withBorder p="sm" component="section" aria-label="Andon status">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Andon status
        </Text>
        {entity.kind === 'System' ? (
          <>
            <Text size="sm" c="dimmed">
              Pulling the cord on a system stops deploys of every service in it.
            </Text>
            <PullCordButton target={{ kind: 'system', name: entity.ref }} what={`system ${name}`} size="xs" />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            The andon cord is pulled on services, systems and teams; a {entity.kind} has no deploy gate of its own.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
