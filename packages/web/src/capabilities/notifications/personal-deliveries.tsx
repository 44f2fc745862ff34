import type { WebhookDelivery } from '@dayone/contracts';
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { ProblemAlert } from '../../ui/problem-alert';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { fetchPersonalDeliveries, notificationKeys } from './notifications-api';

const statusColour = { pending: 'yellow', delivered: 'teal', failed: 'red' } as const;

/** What was sent to my own webhook lately, newest first, with how each try went. */
export function PersonalDeliveries() {
  const { query, items } = useCursorPages(notificationKeys.deliveries, fetchPersonalDeliveries, { refetchInterval: 10_000 });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Recent deliveries to my webhook
      </Title>
      <ProblemAlert error={query.error} />
      {query.isSuccess && items.length === 0 ? (
        <Text c="dimmed">Nothing sent yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Deliveries to my webhook">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Notice</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last answer or error</Table.Th>
                <Table.Th>Occurred</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <DeliveryRow key={d.id} delivery={d} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
    </Stack>
  );
}

function DeliveryRow({ delivery: d }: { delivery: WebhookDelivery }) {
  const answer = d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—');
  return (
    <Table.Tr>
      <Table.Td>{d.event}</Table.Td>
      <Table.Td>
        <Badge color={statusColour[d.status]}>{d.status}</Badge>
      </Table.Td>
      <Table.Td>{d.attempts}</Table.Td>
      <Table.Td title={d.lastError ?? undefined}>{answer}</Table.Td>
      <Table.Td>{formatDateTime(d.occurredAt)}</Table.Td>
    </Table.Tr>
  );
}
