import { useQueryClient } from '@tanstack/react-query';
import { teamKeys } from '../teams/teams-api';
import { catalogKeys, type CatalogEntityDetail } from './catalog-api';

/** After a catalog write: keep the fresh entity, and refresh lists, graphs and teams that may show it. */
export function useCatalogCache() {
  const queryClient = useQueryClient();
  const refreshAround = (keep?: string) => {
    void queryClient.invalidateQueries({ queryKey: catalogKeys.all, predicate: (q) => !(keep && q.queryKey[1] === 'one' && q.queryKey[2] === keep) });
    void queryClient.invalidateQueries({ queryKey: teamKeys.all });
  };
  return {
    written(entity: CatalogEntityDetail) {
      queryClient.setQueryData(catalogKeys.one(entity.ref), entity);
      refreshAround(entity.ref);
    },
    removed(ref: string) {
      queryClient.removeQueries({ queryKey: catalogKeys.one(ref) });
      refreshAround();
    },
    imported: () => refreshAround(),
  };
}
