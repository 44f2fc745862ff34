import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { formatDuration } from '../../ui/format-duration';
import { LoadMoreButton } from '../../ui/load-more-button';
import { ProblemAlert } from '../../ui/problem-alert';
import { shortRef } from '../catalog/catalog-ref';
import { EntityPicker } from '../catalog/entity-picker';
import { PersonLink } from '../people/person-link';
import { TeamPicker } from '../teams/team-picker';
import { andonKeys, fetchPulls, type AndonPull, type PullFilters, type PullStatusFilter } from './andon-api';
import { statusColors, statusLabels } from './andon-labels';
import { PullTargetLink } from './pull-target-link';

const statusOptions: { value: PullStatusFilter; label: string }[] = [
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
];

/** Past (and, on request, open) pulls, newest first, by owning team and service, a page at a time. */
export function AndonHistory() {
  const [status, setStatus] = useState<PullStatusFilter>('resolved');
  const [team, setTeam] = useState<string | null>(null);
  const [service, setService] = useState<string | null>(null);
  const filters: PullFilters = { status, ...(team ? { team } : {}), ...(service ? { service } : {}) };
  const pulls = useInfiniteQuery({
    queryKey: [...andonKeys.list(filters), 'pages'],
    queryFn: ({ pageParam }) => fetchPulls(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = pulls.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = status !== 'resolved' || !!team || !!service;
  return (
    <Stack>
      <Group align="flex-end" gap="sm">
        <Select label="Status" data={statusOptions} value={status} onChange={(v) => setStatus((v as PullStatusFilter | null) ?? 'resolved')} allowDeselect={false} w={140} />
        <div style={{ width: 220 }}>
          <TeamPicker label="Owning team" value={team} onChange={setTeam} />
        </div>
        <div style={{ width: 260 }}>
          <EntityPicker kind="Component" label="Service" value={service} onChange={setService} />
        </div>
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setStatus('resolved');
              setTeam(null);
              setService(null);
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
      <ProblemAlert error={pulls.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label="Andon history" style={{ opacity: pulls.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Pull</Table.Th>
              <Table.Th>Stopped</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Pulled</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Time to acknowledge</Table.Th>
              <Table.Th>Time to resolve</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((pull) => (
              <HistoryRow key={pull.id} pull={pull} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pulls.isSuccess && items.length === 0 && (
        <Text c="dimmed">{filtered ? 'No pull matches.' : 'No pull has been resolved yet.'}</Text>
      )}
      {service && (
        <Text size="xs" c="dimmed">
          Only pulls on {shortRef(service)} itself are listed; find pulls on its system or its team with the owning team filter.
        </Text>
      )}
      <LoadMoreButton hasMore={pulls.hasNextPage} loading={pulls.isFetchingNextPage} onLoadMore={() => pulls.fetchNextPage()} />
    </Stack>
  );
}

function HistoryRow({ pull }: { pull: AndonPull }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/andon/pulls/${pull.id}`}>
          #{pull.number}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <PullTargetLink target={pull.target} />
        {pull.environment && (
          <Text size="xs" c="dimmed">
            {pull.environment}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={700} c={pull.severity <= 2 ? 'red.8' : 'orange.8'}>
          {pull.severity}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} c={`${statusColors[pull.status]}.8`}>
          {statusLabels[pull.status]}
        </Text>
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm" lineClamp={2}>
          {pull.reason}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(pull.pulledAt)}</Text>
        <Text size="xs" c="dimmed">
          by <PersonLink name={pull.pulledBy} />
        </Text>
      </Table.Td>
      <Table.Td>
        {pull.ownerTeam ? (
          <Anchor component={Link} to={`/teams/${encodeURIComponent(pull.ownerTeam)}`}>
            {pull.ownerTeam}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{formatDuration(pull.secondsToAcknowledge)}</Table.Td>
      <Table.Td>{formatDuration(pull.secondsToResolve)}</Table.Td>
    </Table.Tr>
  );
}
