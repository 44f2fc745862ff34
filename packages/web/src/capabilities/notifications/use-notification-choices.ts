import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isVersionConflict } from '../../ui/version-conflict-alert';
import { fetchPreferences, notificationKeys, putPreferences, type NotificationPreferences, type PutNotificationPreferencesBody } from './notifications-api';

/** My notification choices, and one way to change them: each change is guarded by the version last read
 *  (If-Match), so a change made meanwhile in another tab is never overwritten. A new signing secret comes
 *  back once, in the reply, and is kept here until dismissed. */
export function useNotificationChoices() {
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: notificationKeys.preferences, queryFn: fetchPreferences });
  const [secret, setSecret] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: PutNotificationPreferencesBody) => putPreferences(queryClient.getQueryData<NotificationPreferences>(notificationKeys.preferences)?.version ?? 0, body),
    onSuccess: ({ secret: made, ...fresh }) => {
      queryClient.setQueryData(notificationKeys.preferences, fresh);
      if (made) setSecret(made);
    },
  });
  const reload = async () => {
    save.reset();
    await preferences.refetch();
  };
  return { preferences, save, secret, dismissSecret: () => setSecret(null), stale: isVersionConflict(save.error), reload };
}
export type NotificationChoices = ReturnType<typeof useNotificationChoices>;
