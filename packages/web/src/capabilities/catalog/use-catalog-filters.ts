import { useSearchParams } from 'react-router';
import type { CatalogFilters } from './catalog-api';

const names: (keyof CatalogFilters)[] = ['q', 'kind', 'owner', 'lifecycle', 'tag', 'system'];

/** The catalog list's search and filters, kept in the address so a filtered list can be shared or linked to. */
export function useCatalogFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as CatalogFilters;
  const setFilter = (name: keyof CatalogFilters, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { filters, setFilter, clear, active: names.some((n) => n !== 'q' && filters[n]) };
}
