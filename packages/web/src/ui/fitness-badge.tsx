import { Badge, Tooltip } from '@mantine/core';

type FitnessBadgeProps = { fit: boolean; reasons?: string[] };

/** Green when a team keeps the two-pizza rules, orange when it breaks them. */
export function FitnessBadge({ fit, reasons = [] }: FitnessBadgeProps) {
  const badge = (
    <Badge color={fit ? 'teal' : 'orange'} variant="light">
      {fit ? 'Two-pizza fit' : 'Breaks two-pizza rules'}
    </Badge>
  );
  if (fit || reasons.length === 0) return badge;
  return <Tooltip label={reasons.join(' ')} multiline w={280}>{badge}</Tooltip>;
}
