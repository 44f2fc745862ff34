import { Alert, Anchor, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Fact } from '../../ui/fact';
import { formatDateTime } from '../../ui/format-date';
import { formatAge, formatDuration } from '../../ui/format-duration';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { useNow } from '../../ui/use-now';
import { PersonLink } from '../people/person-link';
import { useMayActForTeam } from '../teams/use-may-act-for-team';
import { andonKeys, fetchPull, type AndonPullDetail } from './andon-api';
import { targetLabel } from './andon-labels';
import { releaseProblemTitle } from './andon-problem';
import { PullCommentForm } from './pull-comment-form';
import { PullReleaseActions } from './pull-release-actions';
import { PullStatusBadge } from './pull-status-badge';
import { PullTargetLink } from './pull-target-link';
import { PullTimeline } from './pull-timeline';
import { SeverityBadge } from './severity-badge';

const REFRESH_MS = 5000;

/** One pull: what it stops and why, its timeline, comments, and release for the owning team. */
export function PullPage() {
  const { id = '' } = useParams();
  const pull = useQuery({
    queryKey: andonKeys.one(id),
    queryFn: () => fetchPull(id),
    refetchInterval: (query) => (query.state.data?.status === 'resolved' ? false : REFRESH_MS),
  });
  return <QueryState query={pull}>{(p) => <PullDetail pull={p} />}</QueryState>;
}

function PullDetail({ pull }: { pull: AndonPullDetail }) {
  const now = useNow(1000);
  const mayRelease = useMayActForTeam(pull.ownerTeam);
  const [actionError, setActionError] = useState<unknown>(null);
  const open = pull.status !== 'resolved';
  return (
    <Stack>
      <Anchor component={Link} to="/andon" size="sm">
        Back to the Andon board
      </Anchor>
      <PageHeader
        title={`Pull #${pull.number}: ${targetLabel(pull.target)}`}
        description={open ? 'The line is stopped until the owning team resolves this pull.' : 'This pull is resolved; the line runs again.'}
        actions={mayRelease && open ? <PullReleaseActions pull={pull} onError={setActionError} /> : undefined}
      />
      <Group gap="xs" mt={-8}>
        <SeverityBadge severity={pull.severity} />
        <PullStatusBadge status={pull.status} />
        {pull.environment && <Text size="sm">{pull.environment} only</Text>}
      </Group>
      <ProblemAlert error={actionError} title={releaseProblemTitle(actionError)} />
      {open ? (
        <Alert color="red" variant="filled" title={`Line stopped for ${formatAge(pull.pulledAt, now)}`}>
          <Text size="lg" style={{ whiteSpace: 'pre-wrap' }}>
            {pull.reason}
          </Text>
        </Alert>
      ) : (
        <Alert color="teal" title={`Resolved by ${pull.resolvedBy ?? 'someone'} after ${formatDuration(pull.secondsToResolve)}`}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{pull.resolution}</Text>
          <Text size="sm" c="dimmed" mt="xs">
            Why the line stopped: {pull.reason}
          </Text>
        </Alert>
      )}
      {open && mayRelease === false && (
        <Text size="sm" c="dimmed">
          {pull.ownerTeam
            ? `Members of ${pull.ownerTeam} (the owning team) and admins acknowledge, resolve and override this pull. Anyone may comment.`
            : 'This pull has no owning team, so admins acknowledge, resolve and override it. Anyone may comment.'}
        </Text>
      )}
      <PullFacts pull={pull} />
      <PullOverrides pull={pull} now={now} />
      <Divider />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <section aria-label="Timeline of the pull">
          <Title order={2} size="h4" mb="sm">
            Timeline
          </Title>
          <PullTimeline events={pull.events} />
        </section>
        <section>
          <Title order={2} size="h4" mb="sm">
            Add a comment
          </Title>
          <PullCommentForm pullId={pull.id} />
        </section>
      </SimpleGrid>
    </Stack>
  );
}

function PullFacts({ pull }: { pull: AndonPullDetail }) {
  return (
    <Stack gap={4}>
      <Fact label="Stops">
        <PullTargetLink target={pull.target} />
        {pull.environment ? ` in ${pull.environment}` : ' in every environment'}
      </Fact>
      <Fact label="Owner">
        {pull.ownerTeam ? (
          <Anchor component={Link} to={`/teams/${encodeURIComponent(pull.ownerTeam)}`} inherit>
            {pull.ownerTeam}
          </Anchor>
        ) : (
          'No owning team: admins release it'
        )}
      </Fact>
      <Fact label="Pulled">
        by <PersonLink name={pull.pulledBy} /> at {formatDateTime(pull.pulledAt)}
      </Fact>
      <Fact label="Acknowledged">
        {pull.acknowledgedBy ? (
          <>
            by <PersonLink name={pull.acknowledgedBy} /> at {formatDateTime(pull.acknowledgedAt)}, after {formatDuration(pull.secondsToAcknowledge)}
          </>
        ) : (
          'Not yet'
        )}
      </Fact>
      <Fact label="Resolved">
        {pull.resolvedBy ? (
          <>
            by <PersonLink name={pull.resolvedBy} /> at {formatDateTime(pull.resolvedAt)}, after {formatDuration(pull.secondsToResolve)}
          </>
        ) : (
          'Not yet'
        )}
      </Fact>
    </Stack>
  );
}

function PullOverrides({ pull, now }: { pull: AndonPullDetail; now: number }) {
  if (pull.overrides.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Overrides
      </Title>
      {pull.overrides.map((o) => {
        const active = o.active && Date.parse(o.expiresAt) > now;
        return active ? (
          <Alert key={o.id} color="orange" variant="filled" title={`Deploys let through until ${formatDateTime(o.expiresAt)}`}>
            {o.by}: {o.reason}
          </Alert>
        ) : (
          <Paper key={o.id} withBorder p="xs">
            <Text size="sm" c="dimmed">
              {o.by} let deploys through from {formatDateTime(o.createdAt)} to {formatDateTime(o.expiresAt)}: {o.reason}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
