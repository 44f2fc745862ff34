import { Textarea, TextInput } from '@mantine/core';
import type { SelectOption } from '../../ui/remote-select';
import { fieldError } from '../../ui/field-error';
import { PersonPicker } from '../people/person-picker';
import { TeamPicker } from './team-picker';

export type TeamFormValues = { displayName: string; mission: string; parent: string | null; leader: string | null };
export const teamFieldNames = ['displayName', 'mission', 'parent', 'leader'];

type TeamFormFieldsProps = {
  value: TeamFormValues;
  onChange: (value: TeamFormValues) => void;
  error: unknown;
  /** Labels of the current parent and leader, so they show before any search. */
  initialParent?: SelectOption | null;
  initialLeader?: SelectOption | null;
  /** Teams that may not be the parent (the team itself). */
  excludeParents?: string[];
};

/** Display name, mission, parent team and leader: the editable fields of a team. */
export function TeamFormFields({ value, onChange, error, initialParent, initialLeader, excludeParents }: TeamFormFieldsProps) {
  const set = <K extends keyof TeamFormValues>(field: K, next: TeamFormValues[K]) => onChange({ ...value, [field]: next });
  return (
    <>
      <TextInput label="Display name" value={value.displayName} onChange={(e) => set('displayName', e.currentTarget.value)} error={fieldError(error, 'displayName')} />
      <Textarea
        label="Mission"
        description="Why the team exists, for whom, in a sentence or two"
        autosize
        minRows={2}
        value={value.mission}
        onChange={(e) => set('mission', e.currentTarget.value)}
        error={fieldError(error, 'mission')}
      />
      <TeamPicker
        label="Parent team"
        value={value.parent}
        onChange={(parent) => set('parent', parent)}
        initial={initialParent}
        exclude={excludeParents}
        error={fieldError(error, 'parent')}
      />
      <PersonPicker
        label="Leader"
        description="The single-threaded leader: one person who owns this team's mission and leads no other team"
        value={value.leader}
        onChange={(leader) => set('leader', leader)}
        initial={initialLeader}
        error={fieldError(error, 'leader')}
      />
    </>
  );
}
