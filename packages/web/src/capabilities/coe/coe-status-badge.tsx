import { Badge } from '@mantine/core';
import type { CoeStatus } from './coe-api';
import { coeStatusLabels } from './coe-labels';

/** Draft, in review, reviewed or closed. */
export function CoeStatusBadge({ status, size = 'sm' }: { status: CoeStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { label, color } = coeStatusLabels[status];
  return (
    <Badge color={color} variant="light" size={size}>
      {label}
    </Badge>
  );
}
