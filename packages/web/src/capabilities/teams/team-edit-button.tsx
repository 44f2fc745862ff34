import type { TeamDetail } from '@dayone/contracts';
import { EditDialogButton } from '../../ui/edit-dialog-button';
import { TeamEditForm } from './team-edit-form';

/** Opens the edit dialog; a reload after a conflict re-creates the form from the fresh team. */
export function TeamEditButton({ team, onReload }: { team: TeamDetail; onReload: () => Promise<TeamDetail | undefined> }) {
  return (
    <EditDialogButton label="Edit team" title={`Edit ${team.displayName}`} size="lg" onReload={onReload}>
      {({ formKey, close, reload }) => <TeamEditForm key={formKey} team={team} onDone={close} onReload={reload} />}
    </EditDialogButton>
  );
}
