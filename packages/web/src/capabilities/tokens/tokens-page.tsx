import type { ApiToken } from '@dayone/contracts';
import { Badge, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton } from '../../ui/confirm-button';
import { formatDateTime } from '../../ui/format-date';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { TokenCreateForm } from './token-create-form';
import { scopeDescriptions } from './token-scopes-field';
import { TokenSecret } from './token-secret';
import { fetchTokens, revokeToken, tokenKeys, type CreatedToken } from './tokens-api';

export function TokensPage() {
  const tokens = useQuery({ queryKey: tokenKeys.all, queryFn: fetchTokens });
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: revokeToken,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
  return (
    <Stack>
      <PageHeader title="API tokens" description="Tokens let scripts, pipelines and the dayone CLI act as you. Revoke any you no longer use." />
      {created && <TokenSecret token={created} onDismiss={() => setCreated(null)} />}
      <TokenCreateForm onCreated={setCreated} />
      <ProblemAlert error={revoke.error} title="The token was not revoked" />
      <QueryState query={tokens}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">You have no API tokens.</Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Starts with</Table.Th>
                    <Table.Th>Scopes</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((token) => (
                    <TokenRow key={token.id} token={token} onRevoke={() => revoke.mutateAsync(token.id)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: () => Promise<unknown> }) {
  const expired = token.expiresAt !== null && Date.parse(token.expiresAt) < Date.now();
  return (
    <Table.Tr>
      <Table.Td>{token.name}</Table.Td>
      <Table.Td>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {token.scopes.map((scope) => (
            <Tooltip key={scope} label={scopeDescriptions[scope]}>
              <Badge variant="light" color={scope === 'admin' ? 'red' : 'blue'} tt="none">
                {scope}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
      <Table.Td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</Table.Td>
      <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Table.Td>
      <Table.Td>
        {token.revokedAt ? (
          <Badge color="gray">Revoked</Badge>
        ) : expired ? (
          <Badge color="yellow">Expired</Badge>
        ) : (
          <Badge color="teal">Active</Badge>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {!token.revokedAt && (
          <ConfirmButton
            size="xs"
            label={`Revoke ${token.name}`}
            title={`Revoke token "${token.name}"?`}
            message="Anything using this token stops working at once. This cannot be undone."
            confirmLabel="Yes, revoke it"
            onConfirm={onRevoke}
          >
            Revoke
          </ConfirmButton>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
