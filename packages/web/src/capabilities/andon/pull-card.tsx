import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatAge, formatDuration } from '../../ui/format-duration';
import { formatDateTime } from '../../ui/format-date';
import { PersonLink } from '../people/person-link';
import type { AndonPull } from './andon-api';
import { targetLabel } from './andon-labels';
import { PullStatusBadge } from './pull-status-badge';
import { PullTargetLink } from './pull-target-link';
import { SeverityBadge } from './severity-badge';

/** An open pull on the board: big and red, with what it stops, why, who pulled it and for how long. */
export function PullCard({ pull, now }: { pull: AndonPull; now: number }) {
  const overrides = pull.overrides.filter((o) => o.active && Date.parse(o.expiresAt) > now);
  return (
    <Card
      component="article"
      aria-label={`Pull #${pull.number} on ${targetLabel(pull.target)}`}
      withBorder
      padding="lg"
      bg="red.0"
      style={{ borderColor: 'var(--mantine-color-red-7)', borderWidth: 2, borderLeftWidth: 10 }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <SeverityBadge severity={pull.severity} size="lg" />
            <PullStatusBadge status={pull.status} size="lg" variant="filled" />
            {pull.environment && (
              <Text size="sm" fw={600} c="red.9">
                {pull.environment} only
              </Text>
            )}
          </Group>
          <Button component={Link} to={`/andon/pulls/${pull.id}`} color="red" variant="white">
            Open pull #{pull.number}
          </Button>
        </Group>
        <Title order={2} size="h2" c="red.9">
          Line stopped: <PullTargetLink target={pull.target} />
        </Title>
        <Text size="lg" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
          {pull.reason}
        </Text>
        <Group gap="lg" c="red.9">
          <Text size="sm">
            Pulled by <PersonLink name={pull.pulledBy} />
          </Text>
          <Text size="sm" title={formatDateTime(pull.pulledAt)}>
            Stopped for <strong>{formatAge(pull.pulledAt, now)}</strong>
          </Text>
          <Text size="sm">
            Owner:{' '}
            {pull.ownerTeam ? (
              <Anchor component={Link} to={`/teams/${encodeURIComponent(pull.ownerTeam)}`} inherit>
                {pull.ownerTeam}
              </Anchor>
            ) : (
              'no team (admins release it)'
            )}
          </Text>
          {pull.acknowledgedBy && (
            <Text size="sm">
              Acknowledged by <PersonLink name={pull.acknowledgedBy} /> after {formatDuration(pull.secondsToAcknowledge)}
            </Text>
          )}
        </Group>
        {overrides.map((o) => (
          <Alert key={o.id} color="orange" variant="filled" title={`Deploys let through until ${formatDateTime(o.expiresAt)}`}>
            {o.by}: {o.reason}
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
