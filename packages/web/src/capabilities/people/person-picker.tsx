import type { PersonRef } from '@dayone/contracts';
import { RemoteSelect, type RemoteSelectProps, type SelectOption } from '../../ui/remote-select';
import { fetchPeople, peopleKeys } from './people-api';

export const personOption = (p: PersonRef): SelectOption => ({ value: p.name, label: `${p.displayName} (${p.name})` });

const searchPeople = async (q: string) => (await fetchPeople(q, null, 20)).items.map(personOption);

/** A searchable select of people, fed by the server's people search. */
export function PersonPicker(props: RemoteSelectProps) {
  return <RemoteSelect {...props} queryKey={(q) => [...peopleKeys.list(q), 'picker']} search={searchPeople} nothingFound="Nobody found" />;
}
