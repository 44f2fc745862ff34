import type { WebhookDelivery } from '@dayone/contracts';
import { Badge, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { ProblemAlert } from '../../ui/problem-alert';
import { fetchDeliveries, webhookKeys } from './webhooks-api';

const statusColour = { pending: 'yellow', delivered: 'teal', failed: 'red' } as const;

/** The delivery log of one webhook, newest first, with each attempt's outcome. */
export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const [status, setStatus] = useState('all');
  const filter = status === 'all' ? null : status;
  const { query: deliveries, items } = useCursorPages(webhookKeys.deliveries(webhookId, filter), (cursor) => fetchDeliveries(webhookId, filter, cursor), { refetchInterval: 10_000 });
  return (
    <Stack>
      <Title order={2} size="h4">
        Deliveries
      </Title>
      <SegmentedControl
        aria-label="Delivery status"
        value={status}
        onChange={setStatus}
        data={['all', 'pending', 'delivered', 'failed'].map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) }))}
        w="fit-content"
      />
      <ProblemAlert error={deliveries.error} />
      {deliveries.isSuccess && items.length === 0 ? (
        <Text c="dimmed">Nothing sent yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Event</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last answer</Table.Th>
                <Table.Th>Occurred</Table.Th>
                <Table.Th>Next attempt / delivered</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={deliveries.hasNextPage} loading={deliveries.isFetchingNextPage} onLoadMore={() => void deliveries.fetchNextPage()} />
    </Stack>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDelivery }) {
  const answer = delivery.lastStatusCode !== null ? `HTTP ${delivery.lastStatusCode}` : delivery.lastError ?? '—';
  return (
    <Table.Tr>
      <Table.Td>{delivery.event}</Table.Td>
      <Table.Td>
        <Badge color={statusColour[delivery.status]}>{delivery.status}</Badge>
      </Table.Td>
      <Table.Td>{delivery.attempts}</Table.Td>
      <Table.Td title={delivery.lastError ?? undefined}>{answer}</Table.Td>
      <Table.Td>{formatDateTime(delivery.occurredAt)}</Table.Td>
      <Table.Td>{delivery.deliveredAt ? formatDateTime(delivery.deliveredAt) : delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : '—'}</Table.Td>
    </Table.Tr>
  );
}
