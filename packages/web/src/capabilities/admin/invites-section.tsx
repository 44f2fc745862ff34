import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CopyValue } from '../../ui/copy-value';
import { fieldError } from '../../ui/field-error';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { adminKeys, createInvite, fetchInvites, inviteLink, type Invite } from './admin-api';

/** Create invites and hand out their sign-up links. */
export function InvitesSection() {
  const [email, setEmail] = useState('');
  const queryClient = useQueryClient();
  const invites = useQuery({ queryKey: adminKeys.invites, queryFn: fetchInvites });
  const mutation = useMutation({
    mutationFn: createInvite,
    onSuccess: () => {
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: adminKeys.invites });
      void queryClient.invalidateQueries({ queryKey: adminKeys.allAudit });
    },
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Invites
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(email.trim());
        }}
      >
        <Stack gap="xs">
          <ProblemAlert error={mutation.error} fields={['email']} />
          {mutation.data && (
            <Stack gap={4}>
              <Text size="sm">Invite for {mutation.data.email} created. Send them this link:</Text>
              <CopyValue value={inviteLink(mutation.data.code)} label={`sign-up link for ${mutation.data.email}`} />
            </Stack>
          )}
          <Group align="flex-start">
            <TextInput
              label="Email to invite"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError(mutation.error, 'email')}
              w={300}
            />
            <Button type="submit" mt={25} loading={mutation.isPending}>
              Create invite
            </Button>
          </Group>
        </Stack>
      </form>
      <QueryState query={invites}>
        {({ items }) => (items.length === 0 ? <Text c="dimmed">No invites yet.</Text> : <InviteTable invites={items} />)}
      </QueryState>
    </Stack>
  );
}

function InviteTable({ invites }: { invites: Invite[] }) {
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Sign-up link</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invites.map((invite) => (
            <Table.Tr key={invite.code}>
              <Table.Td>{invite.email}</Table.Td>
              <Table.Td>{formatDateTime(invite.createdAt)}</Table.Td>
              <Table.Td>{formatDateTime(invite.expiresAt)}</Table.Td>
              <Table.Td>
                {invite.usedAt ? (
                  <Text size="sm">Used {formatDateTime(invite.usedAt)}</Text>
                ) : (
                  <CopyValue value={inviteLink(invite.code)} label={`sign-up link for ${invite.email}`} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
