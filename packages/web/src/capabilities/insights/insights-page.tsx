import { Anchor, Box, Group, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useUrlFilters } from '../../ui/use-url-filters';
import { TeamPicker } from '../teams/team-picker';
import { InsightAreaCard } from './insight-area-card';
import { fetchInsights, insightsKeys } from './insights-api';

const lines = [
  { key: 'prfaqDecisions', name: 'PR/FAQ decisions', colour: '#1c7ed6' },
  { key: 'andonPulls', name: 'Andon pulls', colour: '#e03131' },
  { key: 'coes', name: 'COEs', colour: '#f08c00' },
  { key: 'experimentsDecided', name: 'Experiments decided', colour: '#2f9e44' },
] as const;

/** The innovation dashboard: four transparent sub-scores and their trends, for everyone or one team. */
export function InsightsPage() {
  const { filters, setFilter } = useUrlFilters<{ team: string; weeks: string }>(['team', 'weeks']);
  const weeks = filters.weeks || '13';
  const insights = useQuery({ queryKey: insightsKeys.one(filters.team, weeks), queryFn: () => fetchInsights(filters.team, weeks), placeholderData: keepPreviousData });
  return (
    <Stack>
      <PageHeader title="Insights" description="Innovation as culture, organisation, architecture and mechanisms: each score says how it is made, and each figure links to the documents behind it." />
      <Group align="flex-end">
        <Box w={280}>
          <TeamPicker label="Team (with its sub-teams)" value={filters.team || null} onChange={(team) => setFilter('team', team)} initial={filters.team ? { value: filters.team, label: filters.team } : null} />
        </Box>
        <Select label="Period" value={weeks} onChange={(w) => setFilter('weeks', w === '13' ? null : w)} data={[{ value: '4', label: 'Last 4 weeks' }, { value: '13', label: 'Last 13 weeks' }, { value: '26', label: 'Last 26 weeks' }, { value: '52', label: 'Last 52 weeks' }]} w={200} />
      </Group>
      <QueryState query={insights}>
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {data.areas.map((area) => (
                <InsightAreaCard key={area.key} area={area}>
                  {area.key === 'organisation' && (
                    <Anchor component={Link} to={filters.team ? `/org?team=${encodeURIComponent(filters.team)}` : '/org'} size="sm">
                      See the org tree coloured by these checks
                    </Anchor>
                  )}
                </InsightAreaCard>
              ))}
            </SimpleGrid>
            <Paper withBorder p="md" role="img" aria-label="Weekly trends">
              <Title order={2} size="h4" mb="sm">
                Week by week
              </Title>
              <Box h={280}>
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={data.trend} margin={{ top: 5, right: 20, bottom: 5, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="week" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Legend />
                    {lines.map((l) => (
                      <Line key={l.key} type="monotone" dataKey={l.key} name={l.name} stroke={l.colour} dot={false} />
                    ))}
                  </LineChart>
                </ResponsiveContainer>
              </Box>
            </Paper>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
