import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../../api/api-error';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { signIn } from './auth-api';
import { AuthCard } from './auth-card';
import { CompanySignInButton, CompanySignInError, OrWithPassword } from './company-sign-in';
import { useSetupStatus, useStartSession } from './use-session';

export function SignInPage() {
  const { data: setup } = useSetupStatus();
  const { state } = useLocation();
  const returnTo = (state as { from?: string } | null)?.from;
  const company = setup?.companySignIn ?? null;
  const passwords = setup?.localPasswords ?? true;
  return (
    <AuthCard
      title="Sign in"
      footer={
        passwords && (
          <>
            New here?{' '}
            <Anchor component={Link} to="/signup">
              Create an account
            </Anchor>
          </>
        )
      }
    >
      {company && <CompanySignInError provider={company.name} />}
      {company && <CompanySignInButton signIn={company} returnTo={returnTo} />}
      {company && passwords && <OrWithPassword />}
      {passwords && <PasswordSignIn />}
    </AuthCard>
  );
}

function PasswordSignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const startSession = useStartSession();
  const mutation = useMutation({ mutationFn: signIn, onSuccess: startSession });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email, password });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <ProblemAlert error={mutation.error} fields={['email', 'password']} title={signInErrorTitle(mutation.error)} />
        <TextInput label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(mutation.error, 'email')} />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(mutation.error, 'password')}
        />
        <Button type="submit" loading={mutation.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

function signInErrorTitle(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'AUTH_INVALID_CREDENTIALS') return 'Wrong email or password';
  if (error.status === 429) {
    return error.retryAfter ? `Too many failed sign-ins: try again in ${error.retryAfter} seconds` : 'Too many failed sign-ins: wait a little and try again';
  }
  return undefined;
}
