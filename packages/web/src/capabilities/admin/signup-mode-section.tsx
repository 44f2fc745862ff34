import { Group, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { setupKey } from '../auth/auth-api';
import type { SignupMode } from '../auth/auth-api';
import { adminKeys, fetchSettings, updateSignupMode } from './admin-api';

/** Switches between open sign-up and sign-up by invitation only. */
export function SignupModeSection() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: adminKeys.settings, queryFn: fetchSettings });
  // The choice shows at once, and reverts if the server refuses it.
  const [choice, setChoice] = useState<SignupMode | null>(null);
  const mutation = useMutation({
    mutationFn: (mode: SignupMode) => updateSignupMode(settings.data?.version ?? 0, mode),
    onSuccess: (fresh) => {
      queryClient.setQueryData(adminKeys.settings, fresh);
      void queryClient.invalidateQueries({ queryKey: setupKey });
      void queryClient.invalidateQueries({ queryKey: adminKeys.allAudit });
      notifications.show({ color: 'teal', message: fresh.signupMode === 'open' ? 'Anyone can now sign up' : 'Sign-up now needs an invite' });
    },
    onSettled: () => setChoice(null),
    onError: (error) => {
      if (isApiError(error) && error.status === 412) void settings.refetch();
    },
  });
  const stale = isApiError(mutation.error) && mutation.error.status === 412;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Sign-up
      </Title>
      <QueryState query={settings}>
        {(current) => (
          <>
            <ProblemAlert
              error={mutation.error}
              title={stale ? 'Someone else changed the settings; they have been reloaded. Choose again.' : undefined}
            />
            <Radio.Group
              label="Who may create an account"
              value={choice ?? current.signupMode}
              onChange={(mode) => {
                setChoice(mode as SignupMode);
                mutation.mutate(mode as SignupMode);
              }}
            >
              <Group mt="xs">
                <Radio value="open" label="Anyone who can reach this server" disabled={mutation.isPending} />
                <Radio value="invite" label="Only people with an invite" disabled={mutation.isPending} />
              </Group>
            </Radio.Group>
            <Text size="sm" c="dimmed">
              Sign-up mode: {current.signupMode === 'open' ? 'open' : 'invite only'}
            </Text>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
