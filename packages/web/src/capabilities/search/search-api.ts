import type { SearchDocumentType, SearchResults } from '@dayone/contracts';
import { api } from '../../api/api-client';

export type SearchFilters = { q: string; type: string; team: string; from: string; to: string };

export const searchKeys = { results: (filters: SearchFilters) => ['search', filters] as const };

export const typeLabels: Record<SearchDocumentType, string> = {
  team: 'Team',
  service: 'Service',
  prfaq: 'PR/FAQ',
  coe: 'COE',
  experiment: 'Experiment',
  decision: 'Decision',
};

export const fetchSearch = (filters: SearchFilters, cursor: string | null) =>
  api<SearchResults>('/search', { query: { ...filters, cursor, limit: 20 } });
