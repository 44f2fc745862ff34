import type { MetricResult } from './experiments-api';
import { formatEffect, formatInterval } from './result-format';

const WIDTH = 560;
const LABEL = 130;
const RIGHT = 20;
const ROW = 30;
const AXIS = 24;

/** Green when the interval lies wholly on the good side of zero, red on the bad side, grey across it. */
export function verdictColor(ci: [number | null, number | null] | null, higherIsBetter: boolean): string {
  if (!ci) return 'var(--mantine-color-gray-6)';
  const above = ci[0] !== null && ci[0] > 0;
  const below = ci[1] !== null && ci[1] < 0;
  if (!above && !below) return 'var(--mantine-color-gray-7)';
  return above === higherIsBetter ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-red-7)';
}

/** A forest plot of one metric: each treatment's relative effect against the control, a dot, with its
 *  interval as a line (an arrow where a one-sided interval is unbounded), and the zero line. */
export function ForestPlot({ metric }: { metric: MetricResult }) {
  const rows = metric.variants.slice(1);
  const values = rows.flatMap((r) => [r.effect, ...(r.ci ?? [])]).filter((v): v is number => typeof v === 'number');
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 1e-9) [lo, hi] = [-0.05, 0.05];
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const x = (v: number) => LABEL + ((v - lo) / (hi - lo)) * (WIDTH - LABEL - RIGHT);
  const height = rows.length * ROW + AXIS;
  const ticks = [lo + pad, 0, hi - pad].filter((v, i, all) => all.findIndex((w) => Math.abs(w - v) < (hi - lo) / 20) === i);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label={`Forest plot: ${metric.name}`}>
      <defs>
        <marker id="forest-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
        </marker>
      </defs>
      <line x1={x(0)} x2={x(0)} y1={0} y2={rows.length * ROW} stroke="var(--mantine-color-gray-5)" strokeDasharray="4 3" />
      {rows.map((r, i) => {
        const y = i * ROW + ROW / 2;
        const color = verdictColor(r.ci, metric.higherIsBetter);
        const description = `${r.name}: ${formatEffect(r.effect)}, interval ${formatInterval(r.ci)}`;
        return (
          <g key={r.name} data-variant={r.name} aria-label={description}>
            <title>{description}</title>
            <text x={LABEL - 8} y={y + 4} textAnchor="end" fontSize={12} fill="currentColor">
              {r.name}
            </text>
            {r.ci && r.effect !== null ? (
              <>
                <line
                  x1={x(r.ci[0] ?? lo)}
                  x2={x(r.ci[1] ?? hi)}
                  y1={y}
                  y2={y}
                  stroke={color}
                  strokeWidth={3}
                  markerStart={r.ci[0] === null ? 'url(#forest-arrow)' : undefined}
                  markerEnd={r.ci[1] === null ? 'url(#forest-arrow)' : undefined}
                />
                <circle cx={x(r.effect)} cy={y} r={5} fill={color} />
              </>
            ) : (
              <text x={x(0) + 6} y={y + 4} fontSize={11} fill="var(--mantine-color-dimmed)">
                too few users yet
              </text>
            )}
          </g>
        );
      })}
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={rows.length * ROW + 16} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
          {Math.abs(t) < 1e-12 ? '0' : formatEffect(t)}
        </text>
      ))}
    </svg>
  );
}
