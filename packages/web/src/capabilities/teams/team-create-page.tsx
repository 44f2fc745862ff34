import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { fieldError } from '../../ui/field-error';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { TeamFormFields, teamFieldNames, type TeamFormValues } from './team-form-fields';
import { createTeam } from './teams-api';
import { useTeamCache } from './use-team-cache';

const empty: TeamFormValues = { displayName: '', mission: '', parent: null, leader: null };

export function TeamCreatePage() {
  const [name, setName] = useState('');
  const [fields, setFields] = useState(empty);
  const navigate = useNavigate();
  const cache = useTeamCache();
  const mutation = useMutation({
    mutationFn: createTeam,
    onSuccess: (team) => {
      cache.written(team);
      notifications.show({ color: 'teal', message: `Team ${team.displayName} created` });
      navigate(`/teams/${team.name}`);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate({
      name: name.trim(),
      displayName: fields.displayName.trim() || undefined,
      mission: fields.mission.trim() || undefined,
      parent: fields.parent,
      leader: fields.leader,
    });
  };
  const nameTaken = isApiError(mutation.error) && mutation.error.code === 'TEAM_NAME_TAKEN';
  return (
    <Stack maw={640}>
      <PageHeader title="Create a team" description="Anyone may create a team. You become its first member." />
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack>
            <ProblemAlert error={nameTaken ? null : mutation.error} fields={['name', ...teamFieldNames]} />
            <TextInput
              label="Team name"
              description="Letters and digits separated by single -, _ or . (for example payments-api)"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameTaken ? mutation.error?.message : fieldError(mutation.error, 'name')}
            />
            <TeamFormFields value={fields} onChange={setFields} error={mutation.error} />
            <Group justify="flex-end">
              <Button component={Link} to="/teams" variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Create team
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
