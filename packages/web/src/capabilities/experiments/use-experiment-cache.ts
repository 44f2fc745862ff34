import { useQueryClient } from '@tanstack/react-query';
import { experimentKeys, type Experiment } from './experiments-api';

/** After an experiment write: store the fresh experiment and refresh the lists that show it. */
export function useExperimentCache() {
  const queryClient = useQueryClient();
  return {
    written(experiment: Experiment) {
      queryClient.setQueryData(experimentKeys.one(experiment.key), experiment);
      void queryClient.invalidateQueries({ queryKey: experimentKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
    /** A refusal may mean the page is out of date (someone else started or decided it). */
    reload(key: string) {
      void queryClient.invalidateQueries({ queryKey: experimentKeys.one(key) });
    },
  };
}
