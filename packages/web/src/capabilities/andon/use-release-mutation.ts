import { useMutation } from '@tanstack/react-query';
import { useAndonCache } from './use-andon-cache';

/** A change to an open pull (resolve, override). The board is refreshed whatever the answer: a refusal often means the pull moved on. */
export function useReleaseMutation<T>(send: (body: T) => Promise<unknown>, onDone: () => void) {
  const cache = useAndonCache();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      cache.changed();
      onDone();
    },
    onError: () => cache.changed(),
  });
}
