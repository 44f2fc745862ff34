import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { entityPath } from '../catalog/catalog-ref';
import type { AndonPull } from './andon-api';
import { targetLabel } from './andon-labels';

/** What a pull stops, as a link: a service or system to its catalog page, a team to its team page. */
export function PullTargetLink({ target, ...textProps }: { target: AndonPull['target']; fw?: number; size?: string }) {
  const label = targetLabel(target);
  const to = target.kind === 'team' && target.name ? `/teams/${encodeURIComponent(target.name)}` : target.ref && target.kind !== 'team' ? entityPath(target.ref) : null;
  if (!to) {
    return (
      <Text span inherit {...textProps}>
        {label}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={to} inherit {...textProps}>
      {label}
    </Anchor>
  );
}
