type Detail = Awaited<ReturnType<ReturnType<typeof import('./coe-service').createCoeService>['detail']>>;

const fmt = (s: number | null) => (s === null ? '—' : s < 3600 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

/** A file name as link text: brackets would end the link early. */
const mdText = (s: string) => s.replace(/[[\]\\]/g, (ch) => `\\${ch}`);

/** A COE as Markdown, for export and print. */
export function coeMarkdown(c: Detail): string {
  const section = (name: string) => c.sections.find((s) => s.name === name)!.content as never;
  const impact = section('impact') as { description: string; customersAffected: number | null; durationMinutes: number | null; failedRequests: number | null; money: number | null };
  const timeline = section('timeline') as { at: string; text: string; milestone?: string }[];
  const chains = section('rootCause') as { title?: string; steps: { why: string; because: string }[] }[];
  const q = section('questions') as Record<string, string>;
  const lines = [
    `# COE ${c.number}: ${c.title}`,
    '',
    `Team: ${c.team} · Status: ${c.status} · Written by ${c.createdBy} on ${c.createdAt.slice(0, 10)}`,
    c.services.length ? `Services: ${c.services.join(', ')}` : '',
    c.tags.length ? `Tags: ${c.tags.join(', ')}` : '',
    '',
    `Time to detect: ${fmt(c.durations.secondsToDetect)} · to mitigate: ${fmt(c.durations.secondsToMitigate)} · to resolve: ${fmt(c.durations.secondsToResolve)}`,
    '',
    '## Summary',
    '',
    section('summary') as string,
    '',
    '## Customer and business impact',
    '',
    impact.description,
    '',
    `- Customers affected: ${impact.customersAffected ?? '—'}`,
    `- Duration (minutes): ${impact.durationMinutes ?? '—'}`,
    `- Failed requests: ${impact.failedRequests ?? '—'}`,
    `- Money: ${impact.money ?? '—'}`,
    '',
    '## Timeline',
    '',
    ...timeline.map((t) => `- ${t.at}${t.milestone ? ` **${t.milestone}**` : ''}: ${t.text}`),
    '',
    '## Supporting data',
    '',
    ...(c.attachments.length ? c.attachments.map((a) => (a.mediaType.startsWith('image/') ? `![${mdText(a.filename)}](${a.url})` : `- [${mdText(a.filename)}](${a.url}) (metric, CSV)`)) : ['—']),
    '',
    '## Root cause',
    '',
    ...chains.flatMap((ch, i) => [`### ${ch.title || `Chain ${i + 1}`}`, '', ...ch.steps.map((s, k) => `${k + 1}. Why ${s.why}? Because ${s.because}`), '']),
    '## Questions',
    '',
    ...['detection', 'diagnosis', 'mitigation', 'prevention'].flatMap((k) => [`**${k[0].toUpperCase()}${k.slice(1)}.** ${q[k] ?? ''}`, '']),
    '## What went well',
    '',
    section('wentWell') as string,
    '',
    '## Lessons learned',
    '',
    section('lessons') as string,
    '',
    '## Action items',
    '',
    '| title | owner | due | priority | type | status |',
    '| --- | --- | --- | --- | --- | --- |',
    ...c.actionItems.map((a) => `| ${a.title.replaceAll('|', '\\|')} | ${a.owner} | ${a.dueDate} | ${a.priority} | ${a.type} | ${a.status}${a.wontDoReason ? ` (${a.wontDoReason})` : ''} |`),
    '',
  ];
  return lines.join('\n');
}
