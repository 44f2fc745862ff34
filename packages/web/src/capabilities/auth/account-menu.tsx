import { Anchor, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { setCsrfToken } from '../../api/api-client';
import { sessionKey } from '../../api/query-client';
import { signOut } from './auth-api';
import { useSession } from './use-session';

/** The header's account area: who is signed in, and a sign-out button. */
export function AccountMenu() {
  const { person } = useSession();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.setQueryData(sessionKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: error.message }),
  });
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor component={Link} to={`/people/${person.name}`} size="sm" fw={500} c="inherit" visibleFrom="xs">
        {person.displayName}
      </Anchor>
      <Button size="xs" variant="default" loading={mutation.isPending} onClick={() => mutation.mutate()}>
        Sign out
      </Button>
    </Group>
  );
}
