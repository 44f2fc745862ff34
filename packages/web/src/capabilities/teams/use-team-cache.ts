import type { TeamDetail } from '@dayone/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { peopleKeys } from '../people/people-api';
import { teamKeys } from './teams-api';

/** After a team write: store the fresh team if the server returned it, and refresh lists that may show it. */
export function useTeamCache() {
  const queryClient = useQueryClient();
  return {
    written(team?: TeamDetail) {
      if (team) queryClient.setQueryData(teamKeys.one(team.name), team);
      void queryClient.invalidateQueries({ queryKey: teamKeys.all, predicate: (q) => !(team && q.queryKey[1] === 'one' && q.queryKey[2] === team.name) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
    removed(name: string) {
      queryClient.removeQueries({ queryKey: teamKeys.one(name) });
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  };
}
