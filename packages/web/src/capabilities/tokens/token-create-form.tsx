import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { defaultTokenScopes, type TokenScope } from '@dayone/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { useSession } from '../auth/use-session';
import { expiresAtFor, expiryChoices, type ExpiryChoice } from './token-expiry';
import { TokenScopesField } from './token-scopes-field';
import { createToken, tokenKeys, type CreatedToken } from './tokens-api';

/** Name, scopes and expiry of a new token; hands the created token (with its secret) to the page. */
export function TokenCreateForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { person } = useSession();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(defaultTokenScopes);
  const [expiry, setExpiry] = useState<ExpiryChoice>('90');
  const [date, setDate] = useState('');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createToken,
    onSuccess: (token) => {
      setName('');
      setScopes(defaultTokenScopes);
      setDate('');
      void queryClient.invalidateQueries({ queryKey: tokenKeys.all });
      onCreated(token);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate({ name: name.trim(), scopes, expiresAt: expiresAtFor(expiry, date) });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4">
            Create a token
          </Title>
          <ProblemAlert error={mutation.error} fields={['name', 'expiresAt', 'scopes']} />
          <Group align="flex-start">
            <TextInput
              label="Token name"
              description="What will use it, e.g. ci-deploy"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(mutation.error, 'name')}
              w={280}
            />
            <Select
              label="Expires"
              description="Short-lived tokens leak less"
              data={[...expiryChoices]}
              value={expiry}
              onChange={(v) => v && setExpiry(v as ExpiryChoice)}
              allowDeselect={false}
              w={180}
            />
            {expiry === 'date' && (
              <TextInput
                label="Expires on"
                description="Valid until the end of that day"
                type="date"
                required
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                error={fieldError(mutation.error, 'expiresAt')}
                w={200}
              />
            )}
          </Group>
          <TokenScopesField value={scopes} onChange={setScopes} isAdmin={person.role === 'admin'} error={fieldError(mutation.error, 'scopes')} />
          <div>
            <Button type="submit" loading={mutation.isPending} disabled={scopes.length === 0}>
              Create token
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
