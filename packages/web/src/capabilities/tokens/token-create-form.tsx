import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { createToken, tokenKeys, type CreatedToken } from './tokens-api';

/** Name and optional expiry date of a new token; hands the created token (with its secret) to the page. */
export function TokenCreateForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createToken,
    onSuccess: (token) => {
      setName('');
      setExpires('');
      void queryClient.invalidateQueries({ queryKey: tokenKeys.all });
      onCreated(token);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // A date means "valid until the end of that day" in the user's time zone.
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined;
    mutation.mutate({ name: name.trim(), expiresAt });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4">
            Create a token
          </Title>
          <ProblemAlert error={mutation.error} fields={['name', 'expiresAt']} />
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
            <TextInput
              label="Expires on"
              description="Optional; leave empty for no expiry"
              type="date"
              value={expires}
              onChange={(e) => setExpires(e.currentTarget.value)}
              error={fieldError(mutation.error, 'expiresAt')}
              w={200}
            />
          </Group>
          <div>
            <Button type="submit" loading={mutation.isPending}>
              Create token
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
