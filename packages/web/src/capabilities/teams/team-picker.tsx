import { RemoteSelect, type RemoteSelectProps } from '../../ui/remote-select';
import { fetchTeams, teamKeys } from './teams-api';

const searchTeams = async (q: string) =>
  (await fetchTeams(q, 'all', null, 20)).items.map((t) => ({ value: t.name, label: t.displayName === t.name ? t.name : `${t.displayName} (${t.name})` }));

/** A searchable select of teams, fed by the server's team search. */
export function TeamPicker(props: RemoteSelectProps) {
  return <RemoteSelect {...props} queryKey={(q) => [...teamKeys.list(q, 'all'), 'picker']} search={searchTeams} nothingFound="No team found" />;
}
