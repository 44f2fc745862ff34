import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../ui/query-state';
import { CumulativeCharts } from './cumulative-charts';
import { experimentKeys, fetchDailyResults, fetchResults, type Experiment, type ExperimentResults } from './experiments-api';
import { ForestPlot } from './forest-plot';
import { MetricResultsTable } from './metric-results-table';
import { formatCount } from './result-format';
import { SrmBanner } from './srm-banner';

/** The results, refreshed every 30 s while the experiment runs (one request however many use it). */
const useExperimentResults = (e: Experiment) =>
  useQuery({ queryKey: experimentKeys.results(e.key), queryFn: () => fetchResults(e.key), refetchInterval: e.status === 'running' ? 30_000 : false, enabled: e.status !== 'draft' });

/** The sample-ratio banner, for the top of the experiment's page, above everything else. */
export function ExperimentSrmBanner({ experiment: e }: { experiment: Experiment }) {
  const results = useExperimentResults(e);
  return results.data ? <SrmBanner experiment={e} results={results.data} /> : null;
}

/** The results of a running or finished experiment, read from the rollups: per metric a forest plot and the engine's numbers, then the results over time. */
export function ExperimentResultsSection({ experiment: e }: { experiment: Experiment }) {
  const results = useExperimentResults(e);
  return (
    <Stack component="section" aria-label="Results" gap="md">
      <Title order={2} size="h4">
        Results
      </Title>
      <QueryState query={results}>{(r) => <ResultsBody experiment={e} results={r} />}</QueryState>
    </Stack>
  );
}

function ResultsBody({ experiment: e, results: r }: { experiment: Experiment; results: ExperimentResults }) {
  const daily = useQuery({ queryKey: experimentKeys.daily(e.key), queryFn: () => fetchDailyResults(e.key) });
  return (
    <>
      <Group gap="xs">
        <Text size="sm">
          {formatCount(r.users)} users exposed.
        </Text>
        <Text size="sm" c="dimmed" aria-label="How to read">
          {r.note}
        </Text>
      </Group>
      {r.metrics.map((m) => (
        <Paper key={m.key} withBorder p="md" component="section" aria-label={`Metric ${m.name}`}>
          <Group gap="xs" mb="xs">
            <Title order={3} size="h5">
              {m.name}
            </Title>
            <Badge size="sm" variant="light" color={m.role === 'goal' ? 'indigo' : 'orange'}>
              {m.role}
            </Badge>
            <Badge size="sm" variant="outline" color={m.cuped ? 'teal' : 'gray'}>
              CUPED {m.cuped ? 'on' : 'off'}
            </Badge>
            <Text size="xs" c="dimmed">
              {m.higherIsBetter ? 'higher is better' : 'lower is better'}; effects relative to {e.variants[0].name}
            </Text>
          </Group>
          <ForestPlot metric={m} />
          <MetricResultsTable experiment={e} metric={m} />
        </Paper>
      ))}
      <Title order={3} size="h5">
        Over time
      </Title>
      <QueryState query={daily}>{(d) => <CumulativeCharts daily={d} metrics={r.metrics} />}</QueryState>
    </>
  );
}
