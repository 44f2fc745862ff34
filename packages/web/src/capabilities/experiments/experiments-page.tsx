import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { TeamPicker } from '../teams/team-picker';
import { experimentKeys, fetchExperiments, type ExperimentFilters, type ExperimentStatus } from './experiments-api';
import { statusOptions } from './experiment-labels';
import { ExperimentStatusBadge } from './experiment-status-badge';

/** Every experiment with its status, by team and status, a page at a time. */
export function ExperimentsPage() {
  const [team, setTeam] = useState<string | null>(null);
  const [status, setStatus] = useState<ExperimentStatus | null>(null);
  const filters: ExperimentFilters = { ...(team ? { team } : {}), ...(status ? { status } : {}) };
  const experiments = useInfiniteQuery({
    queryKey: [...experimentKeys.list(filters), 'pages'],
    queryFn: ({ pageParam }) => fetchExperiments(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = experiments.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <PageHeader
        title="Experiments"
        description="Every idea tested on real customers, with its hypothesis, and what was learned once it was decided."
        actions={
          <Group gap="xs">
            <Button component={Link} to="/experiments/sample-size" variant="default">
              Sample size
            </Button>
            <Button component={Link} to="/experiments/new">
              Create experiment
            </Button>
          </Group>
        }
      />
      <Group align="flex-end" gap="sm">
        <div style={{ width: 220 }}>
          <TeamPicker label="Team" value={team} onChange={setTeam} />
        </div>
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={statusOptions.map(({ value, label }) => ({ value, label }))}
          value={status}
          onChange={(v) => setStatus(v as ExperimentStatus | null)}
          w={160}
        />
      </Group>
      <ProblemAlert error={experiments.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label="Experiments" style={{ opacity: experiments.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Experiment</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Team</Table.Th>
              <Table.Th>Hypothesis</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.key}>
                <Table.Td>
                  <Anchor component={Link} to={`/experiments/${encodeURIComponent(e.key)}`}>
                    {e.name}
                  </Anchor>
                  {e.name !== e.key && (
                    <Text size="xs" c="dimmed">
                      {e.key}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ExperimentStatusBadge experiment={e} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/teams/${encodeURIComponent(e.team)}`}>
                    {e.team}
                  </Anchor>
                </Table.Td>
                <Table.Td maw={380}>
                  <Text size="sm" lineClamp={2}>
                    {e.hypothesis}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(e.createdAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {experiments.isSuccess && items.length === 0 && (
        <Text c="dimmed">{team || status ? 'No experiment matches.' : 'No experiments yet. Create the first one.'}</Text>
      )}
      <LoadMoreButton hasMore={experiments.hasNextPage} loading={experiments.isFetchingNextPage} onLoadMore={() => experiments.fetchNextPage()} />
    </Stack>
  );
}
