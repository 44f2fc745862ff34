import type { TeamDetail } from '@dayone/contracts';
import { Stack } from '@mantine/core';
import { FormActions } from '../../ui/form-actions';
import { ProblemAlert } from '../../ui/problem-alert';
import { useVersionedEdit } from '../../ui/use-versioned-edit';
import { VersionConflictAlert } from '../../ui/version-conflict-alert';
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
  const cache = useTeamCache();
  const { base, values, setValues, mutation, save, stale } = useVersionedEdit({
    item: team,
    valuesOf,
    send: (base, changes: TeamFields) => updateTeam(base.name, base.version, changes),
    written: cache.written,
    onDone,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save(changedFields(valuesOf(base), values));
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {stale ? (
          <VersionConflictAlert thing="team" current="team" onReload={onReload} />
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
        <FormActions onCancel={onDone} submitLabel="Save changes" loading={mutation.isPending} />
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
