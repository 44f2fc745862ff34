import type { FieldError } from '../../platform/errors/app-error';

export interface LoopMetric {
  key: string;
  next: string;
}

export type LoopShape = { loop: string[]; onLoop: Set<string> };

/** Checks a flywheel's arrows: every metric drives one other metric of the flywheel, and following the
 *  arrows from any metric reaches the one loop (spurs such as cost structure → prices feed into it).
 *  Each metric has exactly one arrow out, so the metrics form one loop with trees leading into it exactly
 *  when they are connected and hold a single cycle. Returns the loop in order from its first metric as
 *  listed, or the faults by field path. */
export function checkLoop(metrics: LoopMetric[]): LoopShape | FieldError[] {
  const errors: FieldError[] = [];
  const index = new Map<string, number>();
  metrics.forEach((m, i) => {
    if (index.has(m.key)) errors.push({ path: `metrics.${i}.key`, message: `"${m.key}" is already the key of metrics.${index.get(m.key)}` });
    else index.set(m.key, i);
  });
  metrics.forEach((m, i) => {
    if (m.next === m.key) errors.push({ path: `metrics.${i}.next`, message: 'must name another metric; a metric cannot drive itself' });
    else if (!index.has(m.next)) errors.push({ path: `metrics.${i}.next`, message: `"${m.next}" is not a metric of this flywheel` });
  });
  if (errors.length) return errors;

  // Walk the arrows from each metric; each walk ends on a cycle. Colour each metric by the cycle it reaches.
  const cycleOf = new Map<string, string>();
  const cycles: string[][] = [];
  for (const start of metrics) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at = start.key;
    while (!cycleOf.has(at) && !onPath.has(at)) {
      path.push(at);
      onPath.add(at);
      at = metrics[index.get(at)!].next;
    }
    let cycle: string;
    if (cycleOf.has(at)) cycle = cycleOf.get(at)!;
    else {
      const members = path.slice(path.indexOf(at));
      cycles.push(members);
      cycle = members[0];
    }
    for (const key of path) cycleOf.set(key, cycle);
  }
  if (cycles.length > 1) {
    const second = cycles[1];
    const i = Math.min(...second.map((k) => index.get(k)!));
    return [{ path: `metrics.${i}.next`, message: `makes a second loop (${[...second, second[0]].join(' → ')}); a flywheel has one loop, and every other metric feeds into it` }];
  }
  const cycle = cycles[0];
  const first = Math.min(...cycle.map((k) => index.get(k)!));
  const loop: string[] = [metrics[first].key];
  while (loop.length < cycle.length) loop.push(metrics[index.get(loop[loop.length - 1])!].next);
  return { loop, onLoop: new Set(cycle) };
}
