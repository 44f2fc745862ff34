import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { ProblemAlert } from '../../ui/problem-alert';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { fetchSubscriptions, notificationKeys, unwatch, type Subscription, type SubscriptionKind } from './notifications-api';

const kindLabel: Record<SubscriptionKind, string> = { team: 'Team', service: 'Service', prfaq: 'PR/FAQ', coe: 'COE' };

/** Everything I watch, newest first, each with a way to stop. */
export function WatchedList() {
  const queryClient = useQueryClient();
  const { query, items } = useCursorPages(notificationKeys.subscriptionList, fetchSubscriptions);
  const stop = useMutation({
    mutationFn: (s: Subscription) => unwatch(s.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.subscriptions }),
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        What I watch
      </Title>
      <Text size="sm" c="dimmed">
        Press Watch on a team, service, PR/FAQ or COE page to get its notices as well as those of your own teams.
      </Text>
      <ProblemAlert error={query.error ?? stop.error} />
      {query.isSuccess && items.length === 0 ? (
        <Text c="dimmed">You watch nothing yet.</Text>
      ) : (
        <Table striped aria-label="What I watch">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Watching</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={s.link}>
                    {s.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{kindLabel[s.kind]}</Table.Td>
                <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" aria-label={`Unwatch ${s.title}`} loading={stop.isPending && stop.variables?.id === s.id} onClick={() => stop.mutate(s)}>
                    Unwatch
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
    </Stack>
  );
}
