import { useSearchParams } from 'react-router';

/** A list's search and filters, kept in the address so a filtered list can be shared or linked to.
 *  `active` says whether any of `activeNames` (all filters unless given) is set. */
export function useUrlFilters<F extends Record<string, string>>(names: readonly (keyof F & string)[], activeNames: readonly (keyof F & string)[] = names) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as F;
  const setFilter = (name: keyof F & string, value: string | null) =>
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
  return { filters, setFilter, clear, active: activeNames.some((n) => filters[n]) };
}
