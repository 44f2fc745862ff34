import { Anchor, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { FitnessBadge } from '../../ui/fitness-badge';
import { LoadMoreButton } from '../../ui/load-more-button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { fetchTeams, teamKeys, type FitnessFilter } from './teams-api';

export function TeamsPage() {
  const [search, setSearch] = useState('');
  const [onlyUnfit, setOnlyUnfit] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 250);
  const fitness: FitnessFilter = onlyUnfit ? 'unfit' : 'all';
  const teams = useInfiniteQuery({
    queryKey: [...teamKeys.list(q, fitness), 'pages'],
    queryFn: ({ pageParam }) => fetchTeams(q, fitness, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = teams.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <PageHeader
        title="Teams"
        description="Small teams, each with one leader and a mission. Two pizzas should feed any of them."
        actions={
          <Button component={Link} to="/teams/new">
            Create team
          </Button>
        }
      />
      <Group align="flex-end">
        <TextInput label="Search teams" placeholder="Name or mission" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
        <Switch label="Only teams that break the two-pizza rules" checked={onlyUnfit} onChange={(e) => setOnlyUnfit(e.currentTarget.checked)} mb={6} />
      </Group>
      <ProblemAlert error={teams.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Team</Table.Th>
              <Table.Th>Leader</Table.Th>
              <Table.Th>Parent</Table.Th>
              <Table.Th>Members</Table.Th>
              <Table.Th>Two-pizza rules</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((team) => (
              <Table.Tr key={team.name}>
                <Table.Td>
                  <Anchor component={Link} to={`/teams/${team.name}`}>
                    {team.displayName}
                  </Anchor>
                  {team.displayName !== team.name && (
                    <Text size="xs" c="dimmed">
                      {team.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{team.leader ? team.leader.displayName : '—'}</Table.Td>
                <Table.Td>
                  {team.parent ? (
                    <Anchor component={Link} to={`/teams/${team.parent}`}>
                      {team.parent}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{team.memberCount}</Table.Td>
                <Table.Td>
                  <FitnessBadge fit={team.fitness.fit} reasons={team.fitness.findings.map((f) => f.message)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {teams.isSuccess && items.length === 0 && (
        <Text c="dimmed">{q || onlyUnfit ? 'No team matches.' : 'No teams yet. Create the first one.'}</Text>
      )}
      <LoadMoreButton hasMore={teams.hasNextPage} loading={teams.isFetchingNextPage} onLoadMore={() => teams.fetchNextPage()} />
    </Stack>
  );
}
