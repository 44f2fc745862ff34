import type { TeamDetail } from '@dayone/contracts';
import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { entityPath, shortRef } from '../catalog/catalog-ref';

/** What the team owns in the catalog (services, APIs, systems…), each a link to its page. */
export function TeamOwns({ owns }: { owns: TeamDetail['owns'] }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Owns ({owns.length})
      </Title>
      {owns.length === 0 ? (
        <Text c="dimmed">This team owns nothing yet.</Text>
      ) : (
        <List>
          {owns.map((thing) => (
            <List.Item key={thing.name}>
              <Group gap="xs">
                <Badge size="sm" variant="light">
                  {thing.kind}
                </Badge>
                <Anchor component={Link} to={entityPath(thing.name)}>
                  {shortRef(thing.name).replace(/^[^:]+:/, '')}
                </Anchor>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
