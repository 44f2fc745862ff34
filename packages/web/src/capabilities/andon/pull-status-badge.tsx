import { Badge, type BadgeProps } from '@mantine/core';
import type { AndonPull } from './andon-api';
import { statusColors, statusLabels } from './andon-labels';

export function PullStatusBadge({ status, ...props }: BadgeProps & { status: AndonPull['status'] }) {
  return (
    <Badge color={statusColors[status]} variant="light" {...props}>
      {statusLabels[status]}
    </Badge>
  );
}
