import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead, notificationKeys, type Notification } from './notifications-api';

/** My notices (andon pulls, overdue action items, PR/FAQ reviews and decisions): unread first, newest first. */
export function InboxPage() {
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const queryClient = useQueryClient();
  const inbox = useInfiniteQuery({
    queryKey: notificationKeys.list(show === 'unread'),
    queryFn: ({ pageParam }) => fetchNotifications(show === 'unread', pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const read = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  return (
    <Stack>
      <PageHeader
        title="Inbox"
        description={unread ? `${unread} unread` : 'Nothing unread.'}
        actions={
          <>
            <Button component={Link} to="/inbox/choices" variant="subtle">
              Notification choices
            </Button>
            <Button variant="default" disabled={!unread} loading={readAll.isPending} onClick={() => readAll.mutate()}>
              Mark all read
            </Button>
          </>
        }
      />
      <SegmentedControl value={show} onChange={(v) => setShow(v as 'all' | 'unread')} data={[{ value: 'all', label: 'All' }, { value: 'unread', label: 'Unread' }]} w={200} />
      <ProblemAlert error={inbox.error ?? read.error ?? readAll.error} />
      <Stack gap="xs" role="list" aria-label="Notifications">
        {items.map((n) => (
          <NotificationRow key={n.id} notification={n} onRead={() => read.mutate(n.id)} />
        ))}
      </Stack>
      {inbox.isSuccess && items.length === 0 && <Text c="dimmed">{show === 'unread' ? 'Nothing unread.' : 'No notifications yet.'}</Text>}
      <LoadMoreButton hasMore={inbox.hasNextPage} loading={inbox.isFetchingNextPage} onLoadMore={() => inbox.fetchNextPage()} />
    </Stack>
  );
}

function NotificationRow({ notification: n, onRead }: { notification: Notification; onRead: () => void }) {
  const unread = n.readAt === null;
  return (
    <Paper withBorder p="sm" role="listitem" aria-label={`${unread ? 'Unread: ' : ''}${n.title}`} bg={unread ? 'var(--mantine-color-blue-light)' : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            {unread && (
              <Badge size="xs" color="blue">
                unread
              </Badge>
            )}
            {n.link ? (
              <Anchor component={Link} to={n.link} fw={unread ? 700 : 500} onClick={() => unread && onRead()}>
                {n.title}
              </Anchor>
            ) : (
              <Text fw={unread ? 700 : 500}>{n.title}</Text>
            )}
          </Group>
          {n.body && <Text size="sm">{n.body}</Text>}
          <Text size="xs" c="dimmed">
            {formatDateTime(n.createdAt)}
          </Text>
        </Stack>
        {unread && (
          <Button size="xs" variant="subtle" onClick={onRead}>
            Mark read
          </Button>
        )}
      </Group>
    </Paper>
  );
}
