import { Badge, type BadgeProps } from '@mantine/core';

/** Severity 1 (worst) to 4; the worse, the louder. */
export function SeverityBadge({ severity, ...props }: BadgeProps & { severity: number }) {
  return (
    <Badge color={severity <= 2 ? 'red' : 'orange'} variant={severity <= 2 ? 'filled' : 'light'} {...props}>
      Severity {severity}
    </Badge>
  );
}
