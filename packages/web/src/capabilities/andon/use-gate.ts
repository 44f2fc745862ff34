import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { andonKeys, fetchGate, gateStreamUrl, type Gate } from './andon-api';

const POLL_MS = 5000;

/** The deploy gate of a service, kept live by the server's event stream; while the stream is down
 *  (it reconnects by itself) the gate is polled instead. */
export function useGate(service: string) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(gateStreamUrl(service));
    const onOpen = () => setLive(true);
    const onError = () => setLive(false);
    const onGate = (event: MessageEvent<string>) => {
      try {
        queryClient.setQueryData(andonKeys.gate(service), JSON.parse(event.data) as Gate);
      } catch {
        // A garbled message: the next one, or the poll, brings the state.
      }
    };
    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    source.addEventListener('gate', onGate);
    return () => {
      source.close();
      setLive(false);
    };
  }, [service, queryClient]);
  const gate = useQuery({ queryKey: andonKeys.gate(service), queryFn: () => fetchGate(service), refetchInterval: live ? false : POLL_MS });
  return { gate, live };
}
