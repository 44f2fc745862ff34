import { Anchor, Badge, Blockquote, Code, Divider, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Fact } from '../../ui/fact';
import { formatDateTime } from '../../ui/format-date';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { PersonLink } from '../people/person-link';
import { useMayActForTeam } from '../teams/use-may-act-for-team';
import { aggregationOptions, decisionOf, engineOptions } from './experiment-labels';
import { experimentProblemTitle } from './experiment-problem';
import { ExperimentDecisionForm } from './experiment-decision-form';
import { ExperimentRunButtons } from './experiment-run-buttons';
import { ExperimentStatusBadge } from './experiment-status-badge';
import { ExperimentResultsSection, ExperimentSrmBanner } from './experiment-results';
import { experimentKeys, fetchExperiment, type Experiment } from './experiments-api';

export function ExperimentPage() {
  const { key = '' } = useParams();
  const experiment = useQuery({ queryKey: experimentKeys.one(key), queryFn: () => fetchExperiment(key) });
  return <QueryState query={experiment}>{(e) => <ExperimentDetail experiment={e} />}</QueryState>;
}

function ExperimentDetail({ experiment: e }: { experiment: Experiment }) {
  const mayAct = useMayActForTeam(e.team);
  const [runError, setRunError] = useState<unknown>(null);
  return (
    <Stack>
      <Anchor component={Link} to="/experiments" size="sm">
        Back to experiments
      </Anchor>
      <PageHeader title={e.name} description={e.name !== e.key ? e.key : undefined} actions={mayAct ? <ExperimentRunButtons experiment={e} onError={setRunError} /> : undefined} />
      <Group gap="xs" mt={-8} role="group" aria-label="Status">
        <ExperimentStatusBadge experiment={e} size="md" />
      </Group>
      <ExperimentSrmBanner experiment={e} />
      <ProblemAlert error={runError} title={experimentProblemTitle(runError)} />
      {e.status === 'decided' && e.decision && <DecidedLesson experiment={e} />}
      <section aria-label="Hypothesis">
        <Title order={2} size="h4" mb={4}>
          Hypothesis
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{e.hypothesis}</Text>
      </section>
      <ExperimentFacts experiment={e} />
      {mayAct === false && e.status !== 'decided' && (
        <Text size="sm" c="dimmed">
          Members of {e.team} (the owning team) and admins start, stop and decide this experiment.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Variants experiment={e} />
        <Metrics experiment={e} />
      </SimpleGrid>
      {e.status === 'draft' ? (
        <Text size="sm" c="dimmed">
          Results appear here once the experiment is started and users are exposed.
        </Text>
      ) : (
        <ExperimentResultsSection experiment={e} />
      )}
      {mayAct && (e.status === 'running' || e.status === 'stopped') && (
        <>
          <Divider />
          <ExperimentDecisionForm experiment={e} />
        </>
      )}
    </Stack>
  );
}

function DecidedLesson({ experiment: e }: { experiment: Experiment }) {
  const decision = decisionOf(e.decision ?? 'iterate');
  return (
    <Paper withBorder p="md" bg={`${decision.color}.0`} component="section" aria-label="What was learned" style={{ borderColor: `var(--mantine-color-${decision.color}-6)`, borderWidth: 2 }}>
      <Group gap="xs">
        <Badge color={decision.color} variant="filled" size="lg">
          {decision.label}
        </Badge>
        <Text fw={600}>{decision.meaning}.</Text>
      </Group>
      <Title order={2} size="h4" mt="sm">
        Lesson
      </Title>
      <Blockquote color={decision.color} p="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-lg)' }}>
        {e.lesson}
      </Blockquote>
      <Text size="sm" mt="xs">
        Decided by {e.decidedBy ? <PersonLink name={e.decidedBy} /> : 'someone'} at {formatDateTime(e.decidedAt)}
      </Text>
    </Paper>
  );
}

function ExperimentFacts({ experiment: e }: { experiment: Experiment }) {
  return (
    <Stack gap={4}>
      <Fact label="Team">
        <Anchor component={Link} to={`/teams/${encodeURIComponent(e.team)}`} inherit>
          {e.team}
        </Anchor>
      </Fact>
      <Fact label="Engine">{engineOptions.find((o) => o.value === e.engine)?.label ?? e.engine}</Fact>
      <Fact label="Coverage">{formatPercent(e.coverage)} of users take part</Fact>
      {e.services.length > 0 && <Fact label="Services">{e.services.join(', ')}</Fact>}
      {e.prfaq && <Fact label="PR/FAQ">{e.prfaq}</Fact>}
      <Fact label="Created">
        by <PersonLink name={e.createdBy} /> at {formatDateTime(e.createdAt)}
      </Fact>
      <Fact label="Started">{formatDateTime(e.startedAt)}</Fact>
      <Fact label="Stopped">{formatDateTime(e.stoppedAt)}</Fact>
      <Fact label="Assignment">
        seed <Code>{e.seed}</Code>, hash version {e.hashVersion}
      </Fact>
    </Stack>
  );
}

function Variants({ experiment: e }: { experiment: Experiment }) {
  return (
    <section aria-label="Variants">
      <Title order={2} size="h4" mb="xs">
        Variants
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Variant</Table.Th>
            <Table.Th ta="right">Share of users</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.variants.map((v, i) => (
            <Table.Tr key={v.name}>
              <Table.Td>
                {v.name}{' '}
                {i === 0 && (
                  <Badge size="xs" variant="outline" color="gray">
                    control
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatPercent(v.weight)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function Metrics({ experiment: e }: { experiment: Experiment }) {
  return (
    <section aria-label="Metrics">
      <Title order={2} size="h4" mb="xs">
        Metrics
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Per user</Table.Th>
            <Table.Th>Better when</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.metrics.map((m) => (
            <Table.Tr key={m.key}>
              <Table.Td>
                {m.name}
                {m.name !== m.key && (
                  <Text size="xs" c="dimmed">
                    {m.key}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={m.role === 'goal' ? 'indigo' : 'orange'}>
                  {m.role}
                </Badge>
              </Table.Td>
              <Table.Td>
                {aggregationOptions.find((o) => o.value === m.aggregation)?.label ?? m.aggregation}
                {m.cuped && (
                  <Badge size="xs" variant="outline" color="teal" ml={6}>
                    CUPED
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{m.higherIsBetter ? 'higher' : 'lower'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });
const formatPercent = (share: number) => percent.format(share);
