import { Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import { AccountFields, accountFieldNames, emptyAccount } from './account-fields';
import { setUpFirstAccount } from './auth-api';
import { AuthCard } from './auth-card';
import { useStartSession } from './use-session';

/** Shown once, on a fresh instance: the first account becomes its administrator. */
export function SetupPage() {
  const [account, setAccount] = useState(emptyAccount);
  const startSession = useStartSession();
  const mutation = useMutation({ mutationFn: setUpFirstAccount, onSuccess: startSession });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate(account);
  };
  return (
    <AuthCard title="Create the first account" description="Welcome to Day One. This first account becomes the administrator of this instance.">
      <form onSubmit={submit}>
        <Stack>
          <ProblemAlert error={mutation.error} fields={accountFieldNames} />
          <AccountFields value={account} onChange={setAccount} error={mutation.error} />
          <Button type="submit" loading={mutation.isPending}>
            Create the first account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
