import { useQueryClient } from '@tanstack/react-query';
import { andonKeys } from './andon-api';

/** After any andon write: refetch the board, history, pulls, stats and gates, which may all have changed. */
export function useAndonCache() {
  const queryClient = useQueryClient();
  return {
    changed() {
      void queryClient.invalidateQueries({ queryKey: andonKeys.all });
    },
  };
}
