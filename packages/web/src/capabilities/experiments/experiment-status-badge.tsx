import { Badge, Group } from '@mantine/core';
import type { Experiment } from './experiments-api';
import { decisionOf, statusOf } from './experiment-labels';

/** Draft, running, stopped or decided; a decided experiment also shows what was decided. */
export function ExperimentStatusBadge({ experiment, size = 'sm' }: { experiment: Pick<Experiment, 'status' | 'decision'>; size?: 'sm' | 'md' | 'lg' }) {
  const status = statusOf(experiment.status);
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={status.color} variant="light" size={size}>
        {status.label}
      </Badge>
      {experiment.decision && (
        <Badge color={decisionOf(experiment.decision).color} variant="filled" size={size}>
          {decisionOf(experiment.decision).label}
        </Badge>
      )}
    </Group>
  );
}
