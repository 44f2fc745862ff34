import { useUrlFilters } from '../../ui/use-url-filters';
import type { CatalogFilters } from './catalog-api';

const names: (keyof CatalogFilters)[] = ['q', 'kind', 'owner', 'lifecycle', 'tag', 'system'];
/** The search box is not a filter: the list says "filtered" only when one of these is set. */
const filterNames = names.filter((n) => n !== 'q');

/** The catalog list's search and filters, kept in the address so a filtered list can be shared or linked to. */
export function useCatalogFilters() {
  return useUrlFilters<CatalogFilters>(names, filterNames);
}
