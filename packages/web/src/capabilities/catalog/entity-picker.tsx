import { RemoteSelect, type RemoteSelectProps, type SelectOption } from '../../ui/remote-select';
import { catalogKeys, fetchEntities, type CatalogKind, type CatalogListItem } from './catalog-api';
import { shortRef } from './catalog-ref';

export const entityOption = (e: Pick<CatalogListItem, 'ref' | 'title'>): SelectOption => ({
  value: e.ref,
  label: e.title ? `${e.title} (${shortRef(e.ref)})` : shortRef(e.ref),
});

/** A searchable select of catalog entities (optionally of one kind); its value is the entity reference. */
export function EntityPicker({ kind, ...props }: RemoteSelectProps & { kind?: CatalogKind }) {
  const search = async (q: string) => (await fetchEntities({ q, kind }, null, 20)).items.map(entityOption);
  return (
    <RemoteSelect
      {...props}
      queryKey={(q) => [...catalogKeys.list({ q, kind }), 'picker']}
      search={search}
      nothingFound={kind ? `No ${kind} found` : 'Nothing in the catalog matches'}
    />
  );
}
