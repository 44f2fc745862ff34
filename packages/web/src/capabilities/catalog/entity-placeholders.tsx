import { Paper, SimpleGrid, Text } from '@mantine/core';

const mechanisms = ['Andon status', 'Corrections of Error', 'Experiments'];

/** Where later capabilities will show this service's andon cord, COEs and experiments. */
export function EntityPlaceholders() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      {mechanisms.map((title) => (
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
