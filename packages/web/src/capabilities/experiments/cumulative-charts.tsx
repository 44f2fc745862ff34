import { SimpleGrid, Text, Title } from '@mantine/core';
import { Area, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExperimentDailyResults, MetricResult } from './experiments-api';
import { formatCount, formatEffect } from './result-format';

const COLORS = ['#868e96', '#4263eb', '#e8590c', '#2b8a3e', '#ae3ec9', '#1098ad', '#f08c00', '#c2255c', '#5c940d', '#364fc7'];
const colorOf = (index: number) => COLORS[index % COLORS.length];

/** Users exposed so far per variant, day by day: a sample-ratio problem shows as lines drifting apart. */
export function CumulativeUsersChart({ daily }: { daily: ExperimentDailyResults }) {
  const data = daily.days.map((d) => ({ day: d.day, ...Object.fromEntries(daily.variants.map((v, i) => [v, d.users[i]])) }));
  return (
    <section aria-label="Cumulative users">
      <Title order={3} size="h5" mb="xs">
        Users exposed, cumulative
      </Title>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ left: 8, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" fontSize={11} />
          <YAxis fontSize={11} tickFormatter={formatCount} />
          <Tooltip formatter={(value) => formatCount(Number(value))} />
          <Legend />
          {daily.variants.map((v, i) => (
            <Line key={v} type="monotone" dataKey={v} stroke={colorOf(i)} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </section>
  );
}

/** One metric's effect at the end of each day with its interval as a band: the band narrows as users come in. */
export function CumulativeEffectChart({ daily, metric }: { daily: ExperimentDailyResults; metric: MetricResult }) {
  const treatments = daily.variants.slice(1);
  const data = daily.days.map((d) => {
    const m = d.metrics.find((x) => x.key === metric.key);
    const row: Record<string, unknown> = { day: d.day };
    for (const t of m?.variants ?? []) {
      row[t.name] = t.effect;
      row[`${t.name} interval`] = t.ci && t.ci[0] !== null && t.ci[1] !== null ? [t.ci[0], t.ci[1]] : null;
    }
    return row;
  });
  return (
    <section aria-label={`Effect over time: ${metric.name}`}>
      <Title order={3} size="h5" mb="xs">
        {metric.name}: effect over time
      </Title>
      <ResponsiveContainer width="100%" height={220}>
        <ComposedChart data={data} margin={{ left: 8, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" fontSize={11} />
          <YAxis fontSize={11} tickFormatter={(v) => formatEffect(Number(v))} domain={['auto', 'auto']} />
          <Tooltip formatter={(value) => (Array.isArray(value) ? value.map((v) => formatEffect(Number(v))).join(' to ') : formatEffect(Number(value)))} />
          <ReferenceLine y={0} stroke="#495057" strokeDasharray="4 3" />
          {treatments.map((t, i) => (
            <Area key={`${t}-band`} dataKey={`${t} interval`} stroke="none" fill={colorOf(i + 1)} fillOpacity={0.18} isAnimationActive={false} connectNulls />
          ))}
          {treatments.map((t, i) => (
            <Line key={t} dataKey={t} stroke={colorOf(i + 1)} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </section>
  );
}

export function CumulativeCharts({ daily, metrics }: { daily: ExperimentDailyResults; metrics: MetricResult[] }) {
  if (daily.days.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No users exposed yet: the charts over time start with the first exposure.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <CumulativeUsersChart daily={daily} />
      {metrics.map((m) => (
        <CumulativeEffectChart key={m.key} daily={daily} metric={m} />
      ))}
    </SimpleGrid>
  );
}
