import type { Flywheel, FlywheelMetric } from './flywheel-api';
import { formatValue } from './flywheel-format';

const LOOP_RADIUS = 170;
const SPUR_STEP = 150;
const NODE = { rx: 78, ry: 30 };

type Point = { x: number; y: number };

/** Where each metric sits: the loop on a circle (clockwise from the top), each spur outward from the
 *  metric it feeds, fanned out when several feed the same one. */
function layout(f: Flywheel): Map<string, Point> {
  const at = new Map<string, Point>();
  const angle = new Map<string, number>();
  f.loop.forEach((key, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / f.loop.length;
    angle.set(key, a);
    at.set(key, { x: LOOP_RADIUS * Math.cos(a), y: LOOP_RADIUS * Math.sin(a) });
  });
  const byKey = new Map(f.metrics.map((m) => [m.key, m]));
  const depth = (m: FlywheelMetric): number => (m.onLoop ? 0 : 1 + depth(byKey.get(m.next)!));
  const spurs = f.metrics.filter((m) => !m.onLoop).sort((a, b) => depth(a) - depth(b));
  const fed = new Map<string, number>();
  for (const m of spurs) {
    const n = fed.get(m.next) ?? 0;
    fed.set(m.next, n + 1);
    const a = angle.get(m.next)! + (n % 2 ? -1 : 1) * Math.ceil(n / 2) * 0.45;
    angle.set(m.key, a);
    const r = LOOP_RADIUS + SPUR_STEP * depth(m);
    at.set(m.key, { x: r * Math.cos(a), y: r * Math.sin(a) });
  }
  return at;
}

/** The point where the line from a to b leaves the ellipse around a. */
function edge(a: Point, b: Point): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = 1 / Math.sqrt((dx * dx) / (NODE.rx * NODE.rx) + (dy * dy) / (NODE.ry * NODE.ry));
  return { x: a.x + dx * t, y: a.y + dy * t };
}

const short = (text: string, max = 20) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The flywheel drawn as its loop with arrows, spurs feeding in, and each metric's latest value. */
export function FlywheelDiagram({ flywheel }: { flywheel: Flywheel }) {
  const at = layout(flywheel);
  const points = [...at.values()];
  const minX = Math.min(...points.map((p) => p.x)) - NODE.rx - 10;
  const minY = Math.min(...points.map((p) => p.y)) - NODE.ry - 10;
  const width = Math.max(...points.map((p) => p.x)) + NODE.rx + 10 - minX;
  const height = Math.max(...points.map((p) => p.y)) + NODE.ry + 10 - minY;
  return (
    <svg viewBox={`${minX} ${minY} ${width} ${height}`} style={{ width: '100%', maxWidth: width, display: 'block', margin: '0 auto' }} role="img" aria-label={`Flywheel: ${flywheel.loop.join(' → ')} → ${flywheel.loop[0]}`}>
      <defs>
        <marker id="flywheel-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#495057" />
        </marker>
      </defs>
      {flywheel.metrics.map((m) => {
        const from = edge(at.get(m.key)!, at.get(m.next)!);
        const to = edge(at.get(m.next)!, at.get(m.key)!);
        return <line key={`${m.key}->${m.next}`} x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke="#495057" strokeWidth={1.5} strokeDasharray={m.onLoop ? undefined : '5 4'} markerEnd="url(#flywheel-arrow)" />;
      })}
      {flywheel.metrics.map((m) => {
        const p = at.get(m.key)!;
        const value = m.latest ? formatValue(m.latest.value, m.unit) : 'no value yet';
        return (
          <g key={m.key} data-metric={m.key} aria-label={`${m.name}: ${value}`}>
            <title>{`${m.name} (${m.kind}): ${value}${m.latest ? `, week of ${m.latest.week}` : ''}`}</title>
            <ellipse cx={p.x} cy={p.y} rx={NODE.rx} ry={NODE.ry} fill={m.kind === 'input' ? '#e7f5ff' : '#ebfbee'} stroke={m.kind === 'input' ? '#1c7ed6' : '#2f9e44'} strokeWidth={1.5} />
            <text x={p.x} y={p.y - 4} textAnchor="middle" fontSize={12} fontWeight={600}>
              {short(m.name)}
            </text>
            <text x={p.x} y={p.y + 14} textAnchor="middle" fontSize={12} fill="#495057">
              {short(value, 22)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
