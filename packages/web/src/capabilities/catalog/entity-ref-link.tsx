import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { refPath, shortRef } from './catalog-ref';

type EntityRefLinkProps = {
  target: string;
  /** False when nothing in Day One has this reference: shown as text with a marker, not as a link. */
  exists?: boolean;
  title?: string | null;
};

/** A link to what a reference names; a dangling reference is marked "not in the catalog". */
export function EntityRefLink({ target, exists = true, title }: EntityRefLinkProps) {
  const label = title ? `${title} (${shortRef(target)})` : shortRef(target);
  if (exists) {
    return (
      <Anchor component={Link} to={refPath(target)}>
        {label}
      </Anchor>
    );
  }
  return (
    <Group gap={6} component="span" wrap="nowrap" style={{ display: 'inline-flex' }}>
      <Text span c="dimmed" td="line-through" style={{ textDecorationStyle: 'dotted' }}>
        {label}
      </Text>
      <DanglingBadge label={danglingLabel(target)} />
    </Group>
  );
}

/** Owners are teams or people; anything else is a catalog entity. */
function danglingLabel(target: string): string {
  if (target.startsWith('group:')) return 'dangling: no such team';
  if (target.startsWith('user:')) return 'dangling: no such person';
  return 'not in the catalog';
}

/** The marker for a reference to something that is not registered. */
export function DanglingBadge({ label = 'not in the catalog' }: { label?: string }) {
  return (
    <Tooltip label="Referenced here, but nothing with this reference is registered: a typo, or a missing registration." multiline w={260}>
      <Badge color="orange" variant="light" size="sm">
        {label}
      </Badge>
    </Tooltip>
  );
}
