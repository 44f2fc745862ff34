import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** A person named by their user name, as a link to their page. */
export function PersonLink({ name }: { name: string }) {
  return (
    <Anchor component={Link} to={`/people/${encodeURIComponent(name)}`} inherit>
      {name}
    </Anchor>
  );
}
