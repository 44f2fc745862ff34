import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Fact } from '../../ui/fact';
import { formatDateTime } from '../../ui/format-date';
import { formatDuration } from '../../ui/format-duration';
import { entityPath, shortRef } from '../catalog/catalog-ref';
import { PersonLink } from '../people/person-link';
import type { CoeDetail } from './coe-api';
import { PullRefLink } from './pull-ref-link';

/** A service as written on the COE: a catalog reference, or a bare component name. */
const serviceRef = (service: string) => (service.includes(':') ? service : `component:${service}`);

/** Team, linked pulls and services, who wrote it, and how long the event took to detect, mitigate and resolve. */
export function CoeFacts({ coe }: { coe: CoeDetail }) {
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Fact label="Team">
          <Anchor component={Link} to={`/teams/${encodeURIComponent(coe.team)}`} inherit>
            {coe.team}
          </Anchor>
        </Fact>
        <Fact label="Andon pulls">
          {coe.pulls.length === 0
            ? 'None'
            : coe.pulls.map((pull, i) => (
                <span key={pull}>
                  {i > 0 && ', '}
                  <PullRefLink id={pull} />
                </span>
              ))}
        </Fact>
        <Fact label="Services">
          {coe.services.length === 0
            ? 'None'
            : coe.services.map((service, i) => (
                <span key={service}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={entityPath(serviceRef(service))} inherit>
                    {shortRef(serviceRef(service))}
                  </Anchor>
                </span>
              ))}
        </Fact>
        <Fact label="Written by">
          <PersonLink name={coe.createdBy} />, {formatDateTime(coe.createdAt)}; last changed {formatDateTime(coe.updatedAt)}
        </Fact>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} maw={720}>
        <Duration label="Time to detect" seconds={coe.durations.secondsToDetect} />
        <Duration label="Time to mitigate" seconds={coe.durations.secondsToMitigate} />
        <Duration label="Time to resolve" seconds={coe.durations.secondsToResolve} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Worked out from the milestones marked in the timeline.
      </Text>
    </Stack>
  );
}

function Duration({ label, seconds }: { label: string; seconds: number | null }) {
  return (
    <Paper withBorder p="xs" role="group" aria-label={`${label}: ${formatDuration(seconds)}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {formatDuration(seconds)}
      </Text>
    </Paper>
  );
}
