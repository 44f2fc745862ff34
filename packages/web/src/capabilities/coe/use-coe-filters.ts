import { useUrlFilters } from '../../ui/use-url-filters';
import type { CoeFilters } from './coe-api';

const names: (keyof CoeFilters)[] = ['q', 'team', 'status', 'service', 'tag', 'from', 'to'];

/** The COE list's search and filters, kept in the address so a filtered list can be shared. */
export function useCoeFilters() {
  return useUrlFilters<CoeFilters>(names);
}
