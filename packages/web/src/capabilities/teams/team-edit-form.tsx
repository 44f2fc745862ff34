import type { TeamDetail } from '@dayone/contracts';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { personOption } from '../people/person-picker';
import { TeamFormFields, teamFieldNames, type TeamFormValues } from './team-form-fields';
import { updateTeam, type TeamFields } from './teams-api';
import { useTeamCache } from './use-team-cache';

type TeamEditFormProps = { team: TeamDetail; onDone: () => void; onReload: () => Promise<void> };

const valuesOf = (team: TeamDetail): TeamFormValues => ({
  displayName: team.displayName,
  mission: team.mission,
  parent: team.parent,
  leader: team.leader?.name ?? null,
});

/** Sends only the changed fields, guarded by the version the form was opened with. */
export function TeamEditForm({ team, onDone, onReload }: TeamEditFormProps) {
  const [base] = useState(team);
  const [values, setValues] = useState(() => valuesOf(team));
  const cache = useTeamCache();
  const mutation = useMutation({
    mutationFn: (changes: TeamFields) => updateTeam(base.name, base.version, changes),
    onSuccess: (fresh) => {
      cache.written(fresh);
      onDone();
    },
  });
  const stale = isApiError(mutation.error) && mutation.error.status === 412;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const changes = changedFields(valuesOf(base), values);
    if (Object.keys(changes).length === 0) onDone();
    else mutation.mutate(changes);
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {stale ? (
          <Alert color="yellow" title="Someone else changed this team">
            Your changes were not saved, so nothing of theirs was overwritten. Reload to see the current team, then make your changes again.
            <Group mt="sm">
              <Button size="xs" onClick={() => void onReload()}>
                Reload team
              </Button>
            </Group>
          </Alert>
        ) : (
          <ProblemAlert error={mutation.error} fields={teamFieldNames} />
        )}
        <TeamFormFields
          value={values}
          onChange={setValues}
          error={mutation.error}
          initialParent={base.parent ? { value: base.parent, label: base.parent } : null}
          initialLeader={base.leader ? personOption(base.leader) : null}
          excludeParents={[base.name]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function changedFields(before: TeamFormValues, after: TeamFormValues): TeamFields {
  const changes: TeamFields = {};
  if (after.displayName.trim() !== before.displayName) changes.displayName = after.displayName.trim();
  if (after.mission !== before.mission) changes.mission = after.mission;
  if (after.parent !== before.parent) changes.parent = after.parent;
  if (after.leader !== before.leader) changes.leader = after.leader;
  return changes;
}
