import { Line, LineChart, YAxis } from 'recharts';

/** A metric's recent weeks as a small line, oldest on the left; gaps where a week has no value. */
export function MetricSparkline({ name, points }: { name: string; points: { week: string; value: number | null }[] }) {
  const known = points.filter((p) => p.value !== null).length;
  return (
    <figure style={{ margin: 0 }} aria-label={`Trend of ${name}: ${known} of ${points.length} weeks`}>
      <LineChart width={140} height={36} data={points} margin={{ top: 4, bottom: 4, left: 2, right: 2 }}>
        <YAxis hide domain={['dataMin', 'dataMax']} />
        <Line dataKey="value" stroke="#4263eb" strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </figure>
  );
}
