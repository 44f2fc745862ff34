import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { formatDuration } from '../../ui/format-duration';
import { LoadMoreButton } from '../../ui/load-more-button';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { fetchDecisions, prfaqKeys } from './prfaq-api';

/** Every decision, visible to everyone: who, when, why, how long it took, and the nos with their reasons. */
export function DecisionsPage() {
  const { query: list, items } = useCursorPages(prfaqKeys.decisions({}), (cursor) => fetchDecisions({}, cursor));
  return (
    <Stack>
      <PageHeader title="Decisions log" description="Every PR/FAQ decision: two-way doors are yes unless someone writes a no; one-way doors are decided by a named decider." />
      <ProblemAlert error={list.error} />
      {list.isSuccess && items.length === 0 ? (
        <Text c="dimmed">No decisions yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label="Decisions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>PR/FAQ</Table.Th>
                <Table.Th>Door</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Who and why</Table.Th>
                <Table.Th>Asked</Table.Th>
                <Table.Th>Time to decision</Table.Th>
                <Table.Th>Nos</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/prfaqs/${d.prfaq}`}>
                      #{d.prfaq}: {d.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{d.door === 'two_way' ? 'two-way' : 'one-way'}</Table.Td>
                  <Table.Td>{d.outcome ? <Badge color={d.outcome === 'yes' ? 'teal' : 'red'}>{d.outcome}{d.how === 'default' ? ' (default)' : ''}</Badge> : <Badge color="blue">{d.state}</Badge>}</Table.Td>
                  <Table.Td>
                    {d.decidedBy ?? '—'}
                    {d.reasons ? `: ${d.reasons}` : ''}
                  </Table.Td>
                  <Table.Td>{formatDateTime(d.requestedAt)} by {d.requestedBy}</Table.Td>
                  <Table.Td>{d.secondsToDecision !== null ? formatDuration(d.secondsToDecision) : '—'}</Table.Td>
                  <Table.Td>
                    {d.nos.map((no, i) => (
                      <Text key={i} size="xs">
                        <b>{no.by}</b>: {no.reasons}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
    </Stack>
  );
}
