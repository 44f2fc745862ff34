import { Anchor, Badge, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadMoreButton } from '../../ui/load-more-button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { fetchPeople, peopleKeys } from './people-api';

export function PeoplePage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const people = useInfiniteQuery({
    queryKey: [...peopleKeys.list(q), 'pages'],
    queryFn: ({ pageParam }) => fetchPeople(q, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <PageHeader title="People" description="Everyone with an account on this instance." />
      <TextInput label="Search people" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={400} />
      <ProblemAlert error={people.error} />
      <Table.ScrollContainer minWidth={600}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>User name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Teams</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/people/${person.name}`}>
                      {person.displayName}
                    </Anchor>
                    {person.role === 'admin' && <Badge size="xs">admin</Badge>}
                    {person.kind === 'machine' && <Badge size="xs" color="gray">machine</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{person.name}</Table.Td>
                <Table.Td>{person.email ?? '—'}</Table.Td>
                <Table.Td>{person.teams.length === 0 ? '—' : person.teams.join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {people.isSuccess && items.length === 0 && <Text c="dimmed">Nobody matches that search.</Text>}
      <LoadMoreButton hasMore={people.hasNextPage} loading={people.isFetchingNextPage || people.isPending} onLoadMore={() => people.fetchNextPage()} />
    </Stack>
  );
}
