import { Anchor, Paper, Select, Stack, Table, Text, Title, Group } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link, useSearchParams } from 'react-router';
import { formatDuration } from '../../ui/format-duration';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { shortRef } from '../catalog/catalog-ref';
import { TeamPicker } from '../teams/team-picker';
import { coeKeys, fetchCoeFigures, type CoeFigures } from './coe-api';

const MONTHS = ['3', '6', '12', '24', '36'];
const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

/** How fast a team (with its sub-teams) detects, mitigates and resolves, month by month, and whether its
 *  action items close on time. */
export function CoeFiguresPage() {
  const [params, setParams] = useSearchParams();
  const team = params.get('team');
  const months = Number(params.get('months') ?? 12);
  const set = (name: string, value: string | null) =>
    setParams((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
      return p;
    });
  const figures = useQuery({ queryKey: coeKeys.figures(team, months), queryFn: () => fetchCoeFigures(team, months), placeholderData: keepPreviousData });
  return (
    <Stack>
      <Anchor component={Link} to="/coes" size="sm">
        Back to COEs
      </Anchor>
      <PageHeader
        title="COE figures"
        description="Per month: time to detect, mitigate and resolve (from the timeline milestones), action items closed by their due date, and which services had COEs."
      />
      <Group align="flex-end">
        <div style={{ width: 240 }}>
          <TeamPicker label="Team (with its sub-teams)" value={team} initial={team ? { value: team, label: team } : null} onChange={(v) => set('team', v)} />
        </div>
        <Select label="Months" data={MONTHS} value={String(months)} onChange={(v) => set('months', v)} w={110} allowDeselect={false} />
      </Group>
      <QueryState query={figures}>{(f) => <FiguresView figures={f} />}</QueryState>
    </Stack>
  );
}

function FiguresView({ figures }: { figures: CoeFigures }) {
  const chart = figures.months.map((m) => ({
    month: m.month,
    detect: minutes(m.timeToDetect.median),
    mitigate: minutes(m.timeToMitigate.median),
    resolve: minutes(m.timeToResolve.median),
  }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {figures.team ? `Teams counted: ${figures.teams.join(', ')}.` : 'Every team.'} An incident counts in the month it started. Medians and 90th percentiles
        interpolate between the nearest values. An action item counts in the month it was due once it is done or late; won't-do items are left out.
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          Median minutes from the start
        </Title>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={chart} margin={{ left: 8, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" fontSize={11} />
            <YAxis fontSize={11} />
            <Tooltip />
            <Legend />
            <Line dataKey="detect" name="to detect" stroke="#e8590c" connectNulls isAnimationActive={false} />
            <Line dataKey="mitigate" name="to mitigate" stroke="#1098ad" connectNulls isAnimationActive={false} />
            <Line dataKey="resolve" name="to resolve" stroke="#2b8a3e" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Paper>
      <Table.ScrollContainer minWidth={860}>
        <Table striped aria-label="COE figures per month">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th>COEs</Table.Th>
              <Table.Th>To detect (median / p90)</Table.Th>
              <Table.Th>To mitigate (median / p90)</Table.Th>
              <Table.Th>To resolve (median / p90)</Table.Th>
              <Table.Th>Action items on time</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...figures.months].reverse().map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{m.month}</Table.Td>
                <Table.Td>{m.coes}</Table.Td>
                <Table.Td>{pair(m.timeToDetect)}</Table.Td>
                <Table.Td>{pair(m.timeToMitigate)}</Table.Td>
                <Table.Td>{pair(m.timeToResolve)}</Table.Td>
                <Table.Td>{m.actionItems.onTimePercent === null ? '—' : `${m.actionItems.onTimePercent} % (${m.actionItems.onTime} of ${m.actionItems.due})`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h4">
        COEs per service
      </Title>
      {figures.services.length === 0 ? (
        <Text c="dimmed">No COE names a service in this period.</Text>
      ) : (
        <Table aria-label="COEs per service" maw={520}>
          <Table.Tbody>
            {figures.services.map((s) => (
              <Table.Tr key={s.service}>
                <Table.Td>
                  <Anchor component={Link} to={`/coes?service=${encodeURIComponent(s.service)}`}>
                    {shortRef(s.service)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.coes}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

const pair = (d: { count: number; median: number | null; p90: number | null }) => (d.count ? `${formatDuration(d.median)} / ${formatDuration(d.p90)} (${d.count})` : '—');
