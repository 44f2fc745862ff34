import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import { AccountFields, accountFieldNames, emptyAccount } from './account-fields';
import { setUpFirstAccount } from './auth-api';
import { AuthCard } from './auth-card';
import { CompanySignInButton, CompanySignInError, OrWithPassword } from './company-sign-in';
import { useSetupStatus, useStartSession } from './use-session';

/** Shown once, on a fresh instance: the first account becomes its administrator. */
export function SetupPage() {
  const { data: setup } = useSetupStatus();
  const company = setup?.companySignIn ?? null;
  const passwords = setup?.localPasswords ?? true;
  return (
    <AuthCard title="Create the first account" description="Welcome to Day One. This first account becomes the administrator of this instance.">
      {company && (
        <>
          <CompanySignInError provider={company.name} />
          <Text size="sm">The first person to sign in with {company.name} becomes the administrator.</Text>
          <CompanySignInButton signIn={company} />
        </>
      )}
      {company && passwords && <OrWithPassword />}
      {passwords && <PasswordSetup />}
    </AuthCard>
  );
}

function PasswordSetup() {
  const [account, setAccount] = useState(emptyAccount);
  const startSession = useStartSession();
  const mutation = useMutation({ mutationFn: setUpFirstAccount, onSuccess: startSession });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate(account);
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <ProblemAlert error={mutation.error} fields={accountFieldNames} />
        <AccountFields value={account} onChange={setAccount} error={mutation.error} />
        <Button type="submit" loading={mutation.isPending}>
          Create the first account
        </Button>
      </Stack>
    </form>
  );
}
