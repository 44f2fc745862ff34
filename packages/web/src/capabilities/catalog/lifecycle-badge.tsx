import { Badge } from '@mantine/core';
import type { Lifecycle } from './catalog-api';

const colors: Record<Lifecycle, string> = { experimental: 'grape', production: 'teal', deprecated: 'gray' };

export function LifecycleBadge({ lifecycle }: { lifecycle: Lifecycle }) {
  return (
    <Badge color={colors[lifecycle]} variant="light" size="sm">
      {lifecycle}
    </Badge>
  );
}
