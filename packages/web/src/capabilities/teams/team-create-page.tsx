import { TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { hasErrorCode } from '../../ui/api-error-code';
import { CreatePageForm } from '../../ui/create-page-form';
import { fieldError } from '../../ui/field-error';
import { FormActions } from '../../ui/form-actions';
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
  const nameTaken = hasErrorCode(mutation.error, 'TEAM_NAME_TAKEN');
  return (
    <CreatePageForm title="Create a team" description="Anyone may create a team. You become its first member." maw={640} onSubmit={submit}>
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
      <FormActions cancelTo="/teams" submitLabel="Create team" loading={mutation.isPending} />
    </CreatePageForm>
  );
}
