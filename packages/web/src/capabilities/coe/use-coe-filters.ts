import { useSearchParams } from 'react-router';
import type { CoeFilters } from './coe-api';

const names: (keyof CoeFilters)[] = ['q', 'team', 'status', 'service'];

/** The COE list's search and filters, kept in the address so a filtered list can be shared. */
export function useCoeFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as CoeFilters;
  const setFilter = (name: keyof CoeFilters, value: string | null) =>
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
  return { filters, setFilter, clear, active: names.some((n) => filters[n]) };
}
