import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { startExperiment, stopExperiment, type Experiment } from './experiments-api';
import { useExperimentCache } from './use-experiment-cache';

/** Start (a draft or stopped experiment) and Stop (a running one), for the owning team. */
export function ExperimentRunButtons({ experiment, onError }: { experiment: Experiment; onError: (error: unknown) => void }) {
  const cache = useExperimentCache();
  const options = {
    onMutate: () => onError(null),
    onSuccess: cache.written,
    onError: (error: unknown) => {
      onError(error);
      cache.reload(experiment.key);
    },
  };
  const start = useMutation({ mutationFn: () => startExperiment(experiment.key), ...options });
  const stop = useMutation({ mutationFn: () => stopExperiment(experiment.key), ...options });
  if (experiment.status === 'draft' || experiment.status === 'stopped') {
    return (
      <Button color="blue" loading={start.isPending} onClick={() => start.mutate()}>
        {experiment.status === 'draft' ? 'Start experiment' : 'Restart experiment'}
      </Button>
    );
  }
  if (experiment.status === 'running') {
    return (
      <Button color="yellow" loading={stop.isPending} onClick={() => stop.mutate()}>
        Stop experiment
      </Button>
    );
  }
  return null;
}
