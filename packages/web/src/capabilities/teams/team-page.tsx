import type { TeamDetail } from '@dayone/contracts';
import { Anchor, Divider, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { PullCordButton } from '../andon/pull-cord-button';
import { WatchButton } from '../notifications/watch-button';
import { TeamDeleteButton } from './team-delete-button';
import { TeamEditButton } from './team-edit-button';
import { TeamFitnessAlerts } from './team-fitness-alerts';
import { TeamMembers } from './team-members';
import { TeamOwns } from './team-owns';
import { fetchTeam, teamKeys } from './teams-api';

export function TeamPage() {
  const { name = '' } = useParams();
  const team = useQuery({ queryKey: teamKeys.one(name), queryFn: () => fetchTeam(name) });
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const reload = async () => (await team.refetch()).data;
  return (
    <QueryState query={team}>
      {(t) => (
        <Stack>
          <PageHeader
            title={t.displayName}
            description={t.displayName !== t.name ? t.name : undefined}
            actions={
              <>
                <WatchButton kind="team" name={t.name} what={`team ${t.displayName}`} />
                <PullCordButton target={{ kind: 'team', name: t.name }} what={`team ${t.displayName}`} label="Pull the cord on this team" variant="light" />
                <TeamEditButton team={t} onReload={reload} />
                <TeamDeleteButton team={t} onError={setDeleteError} />
              </>
            }
          />
          <ProblemAlert error={deleteError} title={deleteErrorTitle(deleteError)} />
          <TeamFitnessAlerts fitness={t.fitness} />
          <Text>{t.mission || <Text span c="dimmed">No mission written yet.</Text>}</Text>
          <TeamFacts team={t} />
          <Anchor component={Link} to={`/teams/${t.name}/flywheel`} size="sm">
            Flywheel and weekly review
          </Anchor>
          <Divider />
          <TeamMembers team={t} />
          <Divider />
          <TeamOwns owns={t.owns} />
        </Stack>
      )}
    </QueryState>
  );
}

function deleteErrorTitle(error: unknown): string | undefined {
  if (isApiError(error) && error.status === 412) return 'Someone else changed this team; reload the page before deleting it';
  return isApiError(error) ? 'The team was not deleted' : undefined;
}

function TeamFacts({ team }: { team: TeamDetail }) {
  return (
    <Stack gap={4}>
      <Fact label="Leader">
        {team.leader ? (
          <Anchor component={Link} to={`/people/${team.leader.name}`}>
            {team.leader.displayName}
          </Anchor>
        ) : (
          'No leader'
        )}
      </Fact>
      <Fact label="Parent team">
        {team.parent ? (
          <Anchor component={Link} to={`/teams/${team.parent}`}>
            {team.parent}
          </Anchor>
        ) : (
          'None (top level)'
        )}
      </Fact>
      <Fact label="Sub-teams">
        {team.children.length === 0
          ? 'None'
          : team.children.map((child, i) => (
              <span key={child}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/teams/${child}`}>
                  {child}
                </Anchor>
              </span>
            ))}
      </Fact>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs">
      <Text fw={600} size="sm" w={100}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}
