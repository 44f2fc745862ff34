import type { TeamDetail } from '@dayone/contracts';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../ui/problem-alert';
import { useSession } from '../auth/use-session';
import { PersonPicker } from '../people/person-picker';
import { addMember, removeMember } from './teams-api';
import { useTeamCache } from './use-team-cache';

/** The team's members, with remove buttons, an add-member picker and a join button. */
export function TeamMembers({ team }: { team: TeamDetail }) {
  const { person: me } = useSession();
  const cache = useTeamCache();
  const [picked, setPicked] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (person?: string) => addMember(team.name, person),
    onSuccess: (fresh) => {
      setPicked(null);
      cache.written(fresh);
    },
  });
  const remove = useMutation({ mutationFn: (person: string) => removeMember(team.name, person), onSuccess: cache.written });
  const memberNames = team.members.map((m) => m.name);
  const isMember = memberNames.includes(me.name);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Members ({team.members.length})
        </Title>
        {!isMember && (
          <Button variant="light" loading={add.isPending && add.variables === undefined} onClick={() => add.mutate(undefined)}>
            Join team
          </Button>
        )}
      </Group>
      <ProblemAlert error={add.error ?? remove.error} />
      {team.members.length === 0 ? (
        <Text c="dimmed">Nobody is on this team yet.</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {team.members.map((member) => (
              <Table.Tr key={member.name}>
                <Table.Td>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/people/${member.name}`}>
                      {member.displayName}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {member.name}
                    </Text>
                    {team.leader?.name === member.name && <Badge size="sm">leader</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={member.name === me.name ? 'Leave team' : `Remove ${member.displayName}`}
                    loading={remove.isPending && remove.variables === member.name}
                    onClick={() => remove.mutate(member.name)}
                  >
                    {member.name === me.name ? 'Leave team' : 'Remove'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Paper withBorder p="sm">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (picked) add.mutate(picked);
          }}
        >
          <Group align="flex-end">
            <div style={{ flex: 1, minWidth: 220 }}>
              <PersonPicker label="Person to add" value={picked} onChange={setPicked} exclude={memberNames} />
            </div>
            <Button type="submit" disabled={!picked} loading={add.isPending && add.variables !== undefined}>
              Add member
            </Button>
          </Group>
        </form>
      </Paper>
    </Stack>
  );
}
