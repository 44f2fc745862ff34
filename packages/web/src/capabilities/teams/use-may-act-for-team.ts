import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/use-session';
import { fetchTeam, teamKeys } from './teams-api';

/** Whether the signed-in person may act for a team (release its andon pulls, run its experiments): its
 *  members and admins. The team is read fresh rather than taken from the session, which may predate joining
 *  it. The server decides in the end; this only chooses which buttons to offer. Undefined while reading. */
export function useMayActForTeam(team: string | null): boolean | undefined {
  const { person } = useSession();
  const isAdmin = person.role === 'admin';
  const detail = useQuery({ queryKey: teamKeys.one(team ?? ''), queryFn: () => fetchTeam(team ?? ''), enabled: !isAdmin && !!team });
  if (isAdmin) return true;
  if (!team) return false;
  if (detail.isPending) return undefined;
  return !!detail.data?.members.some((m) => m.name === person.name);
}
