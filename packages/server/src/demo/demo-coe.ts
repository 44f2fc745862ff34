import type { DemoContext } from './demo-context';
import type { Incident } from './demo-incidents';
import { DAY, HOUR, MINUTE, isoDay, workingMoment } from './demo-timeline';

type CoeText = NonNullable<Incident['coe']>;

interface CoeStart {
  number: number;
  team: string;
  service: string;
  incident: CoeText;
  pulledAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number;
}

/** The COE a serious pull started, written over the following days by the owning team: every section,
 *  a metric CSV of what customers saw, tags, action items with owners and due dates; then submitted,
 *  reviewed by someone from another team, and closed once its items are done. Items are done on time,
 *  late, declined with a reason, or (the more recent ones) still open past their due date. */
export function writeCoe(ctx: DemoContext, coe: CoeStart): void {
  const { api, timeline, random, org } = ctx;
  const team = org.team(coe.team);
  const writer = ctx.as(org.actor(team.name));
  const path = `/api/v1/coes/${coe.number}`;
  const text = (s: string) => s.replaceAll('{service}', coe.service);
  const i = coe.incident;
  const startedAt = coe.pulledAt - random.int(6, 40) * MINUTE;
  const ackAt = coe.acknowledgedAt ?? coe.pulledAt;
  const mitigatedAt = ackAt + Math.round((coe.resolvedAt - ackAt) * 0.6);

  const day1 = workingMoment(coe.resolvedAt + DAY, 60);
  timeline.at(day1, `COE ${coe.number}: first draft`, async () => {
    const detail = await api.get(writer, path);
    const version = (name: string) => detail.sections.find((s: { name: string }) => s.name === name).version as number;
    const save = (name: string, content: unknown) => api.withVersion(writer, 'PUT', `${path}/sections/${name}`, version(name), { content });
    await save('summary', text(i.summary));
    await save('impact', { ...i.impact, description: text(i.impact.description) });
    const prefilled = (detail.sections.find((s: { name: string }) => s.name === 'timeline').content ?? []) as { at: string; text: string; milestone?: string }[];
    const entries = [
      { at: new Date(startedAt).toISOString(), text: `The first errors appear on ${coe.service}.`, milestone: 'started' },
      ...prefilled.map((e) => ({ at: new Date(e.at).toISOString(), text: e.text, ...(e.milestone ? { milestone: e.milestone } : {}) })),
      { at: new Date(mitigatedAt).toISOString(), text: 'Customer impact ends after the rollback.', milestone: 'mitigated' },
    ].sort((a, b) => a.at.localeCompare(b.at));
    await save('timeline', entries);
    await save('rootCause', [{ title: 'Why customers were hurt', steps: i.whys.map(([why, because]) => ({ why, because })) }]);
    await save('questions', i.questions);
    for (const tag of i.tags) await api.post(writer, `${path}/tags`, { tag });
    await api.send(writer, 'POST', `${path}/attachments?filename=${i.metric}.csv`, undefined, { raw: metricCsv(i.metric, startedAt, mitigatedAt, coe.resolvedAt, random.next), headers: { 'content-type': 'text/csv' } });
  });

  // Action items, due two to six weeks after the COE was written.
  const items = i.actions.map((action, k) => {
    const owner = team.members[(k + 1) % team.members.length];
    const due = day1 + (k === 0 ? 10 : random.int(12, 40)) * DAY;
    return { action, owner, due, dueDate: isoDay(due) };
  });
  const closeTimes: number[] = [];
  let allClosed = true;
  items.forEach((item, k) => {
    let state: { id: string; version: number } | null = null;
    timeline.at(day1 + (k + 1) * 10 * MINUTE, `COE ${coe.number}: action item`, async () => {
      const created = await api.post(writer, `${path}/action-items`, { title: item.action.title, owner: item.owner, dueDate: item.dueDate, type: item.action.type, priority: item.action.priority });
      state = { id: created.id, version: created.version };
    });
    const patch = (at: number, label: string, body: Record<string, unknown>) =>
      timeline.at(at, label, async () => {
        const updated = await api.withVersion(writer, 'PATCH', `${path}/action-items/${state!.id}`, state!.version, body);
        state = { id: updated.id, version: updated.version };
      });
    const roll = random.next();
    // The first item of every other COE is left open: once its date passes it is overdue, and chased.
    const fate = k === 0 && coe.number % 2 === 1 ? 'open' : k === items.length - 1 && coe.number % 3 === 2 ? 'wont-do' : roll < 0.7 ? 'on-time' : roll < 0.9 ? 'late' : 'open';
    patch(workingMoment(day1 + 2 * DAY, 120), 'action item in progress', { status: 'in_progress' });
    if (fate === 'on-time' || fate === 'late') {
      const doneAt = workingMoment(fate === 'on-time' ? item.due - random.int(1, 6) * DAY : item.due + random.int(2, 9) * DAY, 300);
      if (patch(doneAt, 'action item done', { status: 'done' })) closeTimes.push(doneAt);
      else allClosed = false;
    } else if (fate === 'wont-do') {
      const at = workingMoment(day1 + 5 * DAY, 200);
      patch(at, 'action item declined', { status: 'wont_do', wontDoReason: 'Covered by the platform-wide change the messaging team is making this quarter.' });
      closeTimes.push(at);
    } else allClosed = false;
  });

  const submitAt = workingMoment(day1 + 2 * DAY, 240);
  timeline.at(submitAt, `COE ${coe.number}: lessons and submit`, async () => {
    const detail = await api.get(writer, path);
    const version = (name: string) => detail.sections.find((s: { name: string }) => s.name === name).version as number;
    await api.withVersion(writer, 'PUT', `${path}/sections/wentWell`, version('wentWell'), { content: text(i.wentWell) });
    await api.withVersion(writer, 'PUT', `${path}/sections/lessons`, version('lessons'), { content: text(i.lessons) });
    await api.post(writer, `${path}/submit`, {});
  });
  const outsider = org.products.find((t) => t.name !== team.name && t.leader)?.leader ?? org.admin.name;
  const reviewAt = workingMoment(submitAt + 3 * DAY, 90);
  timeline.at(reviewAt - HOUR, `COE ${coe.number}: a question`, () => api.post(ctx.as(outsider), `${path}/comments`, { section: 'rootCause', body: 'Did anything in the deploy pipeline have a chance to stop this before production?' }));
  timeline.at(reviewAt, `COE ${coe.number}: review`, () => api.post(ctx.as(outsider), `${path}/reviews`, { note: text(i.review) }));
  if (allClosed) {
    const closeAt = workingMoment(Math.max(reviewAt, ...closeTimes) + DAY, 60);
    timeline.at(closeAt, `COE ${coe.number}: close`, () => api.post(writer, `${path}/close`, {}));
  }
}

/** A metric CSV over the incident: quiet before it started, high until mitigated, back to quiet. */
function metricCsv(metric: string, started: number, mitigated: number, resolved: number, next: () => number): string {
  const rows = [`time,${metric}`];
  const step = 5 * MINUTE;
  for (let t = started - 30 * MINUTE; t <= resolved + 30 * MINUTE; t += step) {
    const during = t >= started && t < mitigated;
    const value = during ? 200 + Math.round(next() * 300) : Math.round(next() * 4);
    rows.push(`${new Date(t).toISOString()},${value}`);
  }
  return rows.join('\n') + '\n';
}

