import type { TeamDetail } from '@dayone/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../ui/confirm-button';
import { deleteTeam } from './teams-api';
import { useTeamCache } from './use-team-cache';

/** Deletes the team after confirmation; the caller shows `onError`'s problem (members, sub-teams, conflict). */
export function TeamDeleteButton({ team, onError }: { team: TeamDetail; onError: (error: unknown) => void }) {
  const navigate = useNavigate();
  const cache = useTeamCache();
  const mutation = useMutation({
    mutationFn: () => deleteTeam(team.name, team.version),
    onMutate: () => onError(null),
    onSuccess: () => {
      cache.removed(team.name);
      notifications.show({ color: 'teal', message: `Team ${team.displayName} deleted` });
      navigate('/teams');
    },
    onError,
  });
  return (
    <ConfirmButton
      label="Delete team"
      title={`Delete ${team.displayName}?`}
      message="The team is removed for good. A team with members or sub-teams cannot be deleted."
      confirmLabel="Yes, delete the team"
      onConfirm={() => mutation.mutateAsync()}
    >
      Delete team
    </ConfirmButton>
  );
}
