import type { TeamDetail } from '@dayone/contracts';
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';

/** What the team owns (services, systems…), as the catalog fills in. */
export function TeamOwns({ owns }: { owns: TeamDetail['owns'] }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Owns
      </Title>
      {owns.length === 0 ? (
        <Text c="dimmed">This team owns nothing yet.</Text>
      ) : (
        <List>
          {owns.map((thing) => (
            <List.Item key={`${thing.kind}:${thing.name}`}>
              <Group gap="xs">
                <Badge size="sm" variant="light">
                  {thing.kind}
                </Badge>
                {thing.name}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
