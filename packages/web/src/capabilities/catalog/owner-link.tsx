import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EntityRefLink } from './entity-ref-link';

type OwnerLinkProps = {
  owner: string | null;
  ownerTeam: string | null;
  /** Whether the owner reference resolves, when known (the entity page knows it from its relations). */
  exists?: boolean;
};

/** The owning team as a link; an owner that is no Day One team or person is shown as dangling. */
export function OwnerLink({ owner, ownerTeam, exists }: OwnerLinkProps) {
  if (ownerTeam) {
    return (
      <Anchor component={Link} to={`/teams/${encodeURIComponent(ownerTeam)}`}>
        {ownerTeam}
      </Anchor>
    );
  }
  if (!owner) {
    return (
      <Text span c="dimmed" size="sm">
        No owner
      </Text>
    );
  }
  // A person may own an entity too; only the entity page knows for sure whether that person exists.
  return <EntityRefLink target={owner} exists={exists ?? owner.startsWith('user:')} />;
}
