import { Anchor, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatAgo } from '../../ui/format-duration';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { useNow } from '../../ui/use-now';
import type { Gate } from './andon-api';
import { targetLabel } from './andon-labels';
import { PullCordButton } from './pull-cord-button';
import { useGate } from './use-gate';

type ServiceAndonCardProps = { serviceRef: string; name: string };

/** The deploy gate of a service (open, or closed by which pulls), live, with the button to pull the cord on it. */
export function ServiceAndonCard({ serviceRef, name }: ServiceAndonCardProps) {
  const { gate } = useGate(serviceRef);
  const closed = gate.data ? !gate.data.open : false;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-label="Andon status"
      bg={closed ? 'red.0' : undefined}
      style={closed ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Andon status
        </Text>
        {gate.isPending ? <Loader size="sm" aria-label="Loading the deploy gate" /> : gate.isError ? <ProblemAlert error={gate.error} /> : <GateState gate={gate.data} />}
        <PullCordButton target={{ kind: 'service', name: serviceRef }} what={name} size="xs" variant={closed ? 'light' : 'filled'} />
      </Stack>
    </Paper>
  );
}

function GateState({ gate }: { gate: Gate }) {
  const now = useNow(1000);
  return (
    <Stack gap={6}>
      {gate.open ? (
        <Group gap="xs">
          <Badge color="teal" variant="filled">
            Deploy gate open
          </Badge>
          <Text size="sm" c="dimmed">
            No andon cord stops this service.
          </Text>
        </Group>
      ) : (
        <>
          <Badge color="red" variant="filled" size="lg">
            Deploy gate closed
          </Badge>
          {gate.pulls.map((p) => (
            <Text key={p.id} size="sm" c="red.9">
              <Anchor component={Link} to={`/andon/pulls/${p.id}`} c="red.9" fw={700}>
                Pull #{p.number}
              </Anchor>{' '}
              (severity {p.severity}
              {p.target.kind !== 'service' && `, on ${targetLabel(p.target)}`}
              {p.environment && `, ${p.environment} only`}): {p.reason} Pulled by {p.pulledBy} {formatAgo(p.pulledAt, now)}.
            </Text>
          ))}
        </>
      )}
      {gate.overrides.map((o) => (
        <Text key={`${o.pullId}:${o.expiresAt}`} size="sm" c="orange.9">
          Deploys let through despite{' '}
          <Anchor component={Link} to={`/andon/pulls/${o.pullId}`} c="orange.9">
            a pull
          </Anchor>{' '}
          until {formatDateTime(o.expiresAt)}, by {o.by}: {o.reason}
        </Text>
      ))}
      {gate.stale && (
        <Text size="xs" c="yellow.9">
          This server has lost touch with the others for the moment, so a very recent pull may be missing.
        </Text>
      )}
    </Stack>
  );
}
