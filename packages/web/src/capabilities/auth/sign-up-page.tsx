import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { AccountFields, accountFieldNames, emptyAccount } from './account-fields';
import { signUp, type SignupMode } from './auth-api';
import { AuthCard } from './auth-card';
import { useSetupStatus, useStartSession } from './use-session';

/** Self-service sign-up; in invite mode it asks for the code from the invite link. With passwords turned
 *  off there is nothing to sign up for: people arrive through company sign-in. */
export function SignUpPage({ signupMode }: { signupMode: SignupMode }) {
  const { data: setup } = useSetupStatus();
  if (setup && !setup.localPasswords) return <Navigate to="/signin" replace />;
  return <PasswordSignUp signupMode={signupMode} />;
}

function PasswordSignUp({ signupMode }: { signupMode: SignupMode }) {
  const [params] = useSearchParams();
  const [account, setAccount] = useState(emptyAccount);
  const [inviteCode, setInviteCode] = useState(params.get('invite') ?? '');
  const startSession = useStartSession();
  const mutation = useMutation({ mutationFn: signUp, onSuccess: startSession });
  const needsInvite = signupMode === 'invite' || params.has('invite');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate({ ...account, inviteCode: needsInvite ? inviteCode.trim() : undefined });
  };
  return (
    <AuthCard
      title="Create an account"
      description={signupMode === 'invite' ? 'This instance admits people by invitation. Enter the code from your invite.' : undefined}
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to="/signin">
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit}>
        <Stack>
          <ProblemAlert error={mutation.error} fields={[...accountFieldNames, 'inviteCode']} />
          {needsInvite && (
            <TextInput
              label="Invite code"
              required={signupMode === 'invite'}
              value={inviteCode}
              onChange={(e) => setInviteCode(e.currentTarget.value)}
              error={fieldError(mutation.error, 'inviteCode')}
            />
          )}
          <AccountFields value={account} onChange={setAccount} error={mutation.error} />
          <Button type="submit" loading={mutation.isPending}>
            Sign up
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
