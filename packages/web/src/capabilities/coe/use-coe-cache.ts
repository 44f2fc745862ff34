import { useQueryClient } from '@tanstack/react-query';
import { coeKeys, fetchCoe, type CoeDetail, type CoeSection } from './coe-api';

/** After a COE write: keep what the server returned, and refetch the COE, lists and action items it may change. */
export function useCoeCache() {
  const queryClient = useQueryClient();
  return {
    /** Anything about a COE changed (status, review, action item, comment). */
    changed(number: number) {
      void queryClient.invalidateQueries({ queryKey: coeKeys.all });
      void queryClient.invalidateQueries({ queryKey: coeKeys.one(number) });
    },
    /** The server returned the whole COE after a write (create, submit, review, close, comment). */
    written(coe: CoeDetail) {
      queryClient.setQueryData(coeKeys.one(coe.number), coe);
      void queryClient.invalidateQueries({ queryKey: coeKeys.all, predicate: (q) => !(q.queryKey[1] === 'one' && q.queryKey[2] === coe.number) });
    },
    /** A section was saved: show it at once, then refetch the COE for its lint and durations. */
    sectionSaved(number: number, section: CoeSection) {
      queryClient.setQueryData<CoeDetail>(coeKeys.one(number), (old) =>
        old ? { ...old, sections: old.sections.map((s) => (s.name === section.name ? section : s)) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: coeKeys.all });
    },
    /** The COE as the server has it now, read fresh (after a conflict). */
    fresh(number: number) {
      return queryClient.fetchQuery({ queryKey: coeKeys.one(number), queryFn: () => fetchCoe(number), staleTime: 0 });
    },
  };
}
