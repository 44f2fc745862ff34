import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchUnreadCount, notificationKeys } from './notifications-api';

/** The header's bell: how many notices wait unread, a link to the inbox. Checked every half minute. */
export function NotificationBell() {
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: fetchUnreadCount, refetchInterval: 30_000 }).data?.unread ?? 0;
  const label = unread ? `Inbox: ${unread} unread` : 'Inbox: nothing unread';
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4}>
      <ActionIcon component={Link} to="/inbox" variant="subtle" color="gray" size="lg" aria-label={label} title={label}>
        <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
