import { Button, type MantineSize } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { fetchWatching, notificationKeys, unwatch, watch, type Subscription, type SubscriptionKind } from './notifications-api';

type WatchButtonProps = {
  kind: SubscriptionKind;
  /** A team's name, a catalog entity's reference, or a PR/FAQ's or COE's number. */
  name: string | number;
  /** What is watched, as the page calls it: "team Payments", "checkout", "PR/FAQ 4". */
  what: string;
  size?: MantineSize;
};

/** "Watch" or "Watching": whether this thing's notices reach me, and a press to change it. */
export function WatchButton({ kind, name, what, size }: WatchButtonProps) {
  const queryClient = useQueryClient();
  const key = notificationKeys.watching(kind, String(name));
  const current = useQuery({ queryKey: key, queryFn: () => fetchWatching(kind, String(name)) });
  const watching = current.data ?? null;
  const toggle = useMutation({
    mutationFn: async (from: Subscription | null): Promise<Subscription | null> => {
      if (!from) return watch(kind, String(name));
      try {
        await unwatch(from.id);
      } catch (error) {
        // Already stopped elsewhere (another tab): the goal is reached.
        if (!(isApiError(error) && error.status === 404)) throw error;
      }
      return null;
    },
    onSuccess: (fresh) => {
      queryClient.setQueryData(key, fresh);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.subscriptionList });
    },
    onError: (error, from) => {
      notifications.show({ color: 'red', title: from ? `Still watching ${what}` : `Not watching ${what}`, message: error instanceof Error ? error.message : String(error) });
      void current.refetch();
    },
  });
  const hint = watching ? `You get notices about ${what}. Press to stop watching.` : `Watch ${what}: get its notices in your inbox.`;
  return (
    <Button
      size={size}
      variant={watching ? 'light' : 'default'}
      aria-pressed={watching !== null}
      title={hint}
      loading={toggle.isPending}
      disabled={current.isPending}
      onClick={() => toggle.mutate(watching)}
    >
      {watching ? 'Watching' : 'Watch'}
    </Button>
  );
}
