import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchValues, flywheelKeys, type Flywheel } from './flywheel-api';
import { formatValue, shiftWeek } from './flywheel-format';
import { MetricSparkline } from './metric-sparkline';

const TREND_WEEKS = 13;

/** Each metric with its latest value and a sparkline of the 13 weeks up to the flywheel's latest week. */
export function FlywheelMetricsList({ team, flywheel }: { team: string; flywheel: Flywheel }) {
  const latestWeeks = flywheel.metrics.flatMap((m) => (m.latest ? [m.latest.week] : [])).sort();
  const to = latestWeeks[latestWeeks.length - 1] ?? null;
  const from = to ? shiftWeek(to, 1 - TREND_WEEKS) : null;
  const values = useQuery({ queryKey: flywheelKeys.values(team, from ?? '', to ?? ''), queryFn: () => fetchValues(team, from!, to!), enabled: !!to });
  const weeks = from ? Array.from({ length: TREND_WEEKS }, (_, i) => shiftWeek(from, i)) : [];
  const series = (key: string) => {
    const byWeek = new Map((values.data?.items ?? []).filter((v) => v.metric === key).map((v) => [v.week, v.value]));
    return weeks.map((week) => ({ week, value: byWeek.get(week) ?? null }));
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {flywheel.metrics.map((m) => (
        <Paper key={m.key} withBorder p="sm" data-metric-card={m.key}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              <Group gap={6}>
                <Text fw={600} size="sm">
                  {m.name}
                </Text>
                <Badge size="xs" variant="light" color={m.kind === 'input' ? 'blue' : 'green'}>
                  {m.kind}
                </Badge>
              </Group>
              <Text size="lg" fw={700}>
                {m.latest ? formatValue(m.latest.value, m.unit) : 'no value yet'}
              </Text>
              <Text size="xs" c="dimmed">
                {[m.latest ? `week of ${m.latest.week}` : null, `drives ${flywheel.metrics.find((x) => x.key === m.next)?.name ?? m.next}`].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            {values.data && <MetricSparkline name={m.name} points={series(m.key)} />}
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
