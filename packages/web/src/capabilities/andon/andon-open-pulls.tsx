import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../ui/query-state';
import { useNow } from '../../ui/use-now';
import { andonKeys, fetchPulls, type AndonPull, type PullFilters } from './andon-api';
import { PullCard } from './pull-card';

const REFRESH_MS = 3000;
const MOST = 200;
const open: PullFilters = { status: 'open' };

/** Every open pull, big and red, refreshed every few seconds; green when every line runs. */
export function AndonOpenPulls() {
  const pulls = useQuery({ queryKey: [...andonKeys.list(open), MOST], queryFn: () => fetchPulls(open, null, MOST), refetchInterval: REFRESH_MS });
  const now = useNow(1000);
  return (
    <QueryState query={pulls}>
      {({ items, nextCursor }) =>
        items.length === 0 ? (
          <Alert color="green" variant="filled" title="All lines are running" role="status">
            No andon cord is pulled. Anyone who sees a problem may pull one on a service, a system or a team.
          </Alert>
        ) : (
          <Stack>
            <Text fw={700} c="red.8" size="lg" role="status">
              {items.length === 1 ? 'One line is stopped.' : `${items.length}${nextCursor ? '+' : ''} lines are stopped.`}
            </Text>
            {worstFirst(items).map((pull) => (
              <PullCard key={pull.id} pull={pull} now={now} />
            ))}
            {nextCursor && (
              <Text c="dimmed" size="sm">
                Only the newest {MOST} open pulls are shown; the History tab lists them all.
              </Text>
            )}
          </Stack>
        )
      }
    </QueryState>
  );
}

/** The worst severity first; within one severity, the newest first (as the server sends them). */
function worstFirst(pulls: AndonPull[]): AndonPull[] {
  return [...pulls].sort((a, b) => a.severity - b.severity || b.number - a.number);
}
