import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { andonKeys, fetchPull } from '../andon/andon-api';

/** A linked andon pull, by its id, shown by its number once read ("Pull #3"). */
export function PullRefLink({ id }: { id: string }) {
  const pull = useQuery({ queryKey: andonKeys.one(id), queryFn: () => fetchPull(id), staleTime: 60_000 });
  return (
    <Anchor component={Link} to={`/andon/pulls/${encodeURIComponent(id)}`} inherit>
      {pull.data ? `Pull #${pull.data.number}` : 'Andon pull'}
    </Anchor>
  );
}
