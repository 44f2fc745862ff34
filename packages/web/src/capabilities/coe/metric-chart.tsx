import { Text } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime } from '../../ui/format-date';
import type { MetricChartData, Milestone } from './coe-api';
import { milestoneOptions } from './coe-labels';

const MILESTONE_COLORS: Record<Milestone['milestone'], string> = {
  started: '#868e96',
  detected: '#e8590c',
  acknowledged: '#f08c00',
  mitigated: '#1098ad',
  resolved: '#2b8a3e',
};

const milestoneLabels = Object.fromEntries(milestoneOptions.map((o) => [o.value, o.label])) as Record<Milestone['milestone'], string>;
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A metric over time, as the server parsed it, with the timeline's milestones as vertical lines. */
export function MetricChart({ chart, milestones, width }: { chart: MetricChartData; milestones: Milestone[]; width?: number }) {
  const data = chart.series.points.map((p) => ({ t: Date.parse(p.at), value: p.value }));
  const times = [...data.map((d) => d.t), ...milestones.map((m) => Date.parse(m.at))];
  const domain = [Math.min(...times), Math.max(...times)];
  const plot = (
    <LineChart data={data} margin={{ left: 8, right: 24, top: 24 }} width={width} height={width ? 260 : undefined}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="t" type="number" scale="time" domain={domain} fontSize={11} tickFormatter={(v) => time.format(new Date(Number(v)))} />
      <YAxis fontSize={11} />
      <Tooltip labelFormatter={(v) => formatDateTime(new Date(Number(v)).toISOString())} formatter={(v) => [String(v), chart.series.name]} />
      {milestones.map((m) => (
        <ReferenceLine
          key={m.milestone}
          x={Date.parse(m.at)}
          stroke={MILESTONE_COLORS[m.milestone]}
          strokeDasharray="4 3"
          label={{ value: milestoneLabels[m.milestone], position: 'top', fontSize: 11, fill: MILESTONE_COLORS[m.milestone] }}
        />
      ))}
      <Line dataKey="value" name={chart.series.name} stroke="#4263eb" strokeWidth={2} dot={data.length <= 60} isAnimationActive={false} />
    </LineChart>
  );
  return (
    <figure style={{ margin: 0 }} aria-label={`Chart of ${chart.series.name} from ${chart.filename}`} data-milestones={milestones.length}>
      {width ? plot : <ResponsiveContainer width="100%" height={260}>{plot}</ResponsiveContainer>}
      <Text component="figcaption" size="xs" c="dimmed">
        {chart.series.name} from {chart.filename}, {chart.series.points.length} points.{' '}
        {milestones.length ? `Marked: ${milestones.map((m) => `${milestoneLabels[m.milestone]} ${formatDateTime(m.at)}`).join(' · ')}.` : 'Mark milestones in the timeline to see them here.'}
      </Text>
    </figure>
  );
}
