import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { fetchPerson, peopleKeys } from './people-api';

export function PersonPage() {
  const { name = '' } = useParams();
  const person = useQuery({ queryKey: peopleKeys.one(name), queryFn: () => fetchPerson(name) });
  return (
    <QueryState query={person}>
      {(p) => (
        <Stack>
          <PageHeader
            title={p.displayName}
            description={
              <Group gap="xs" component="span">
                <span>{p.name}</span>
                {p.email && <span>· {p.email}</span>}
                <Badge size="sm" variant="light">
                  {p.role}
                </Badge>
              </Group>
            }
          />
          <Text size="sm" c="dimmed">
            Joined {formatDateTime(p.createdAt)}
          </Text>
          <Title order={2} size="h4">
            Teams
          </Title>
          {p.teams.length === 0 ? (
            <Text>Not on any team yet.</Text>
          ) : (
            <List>
              {p.teams.map((team) => (
                <List.Item key={team}>
                  <Anchor component={Link} to={`/teams/${team}`}>
                    {team}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
