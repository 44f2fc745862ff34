import type { ActionItemStatus, ActionItemType, CoeStatus, Priority, SectionName } from './coe-api';

/** Kept here rather than read from the contracts, so the web bundle does not carry zod. */
export const coeStatusLabels: Record<CoeStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  in_review: { label: 'In review', color: 'blue' },
  reviewed: { label: 'Reviewed', color: 'violet' },
  closed: { label: 'Closed', color: 'teal' },
};
export const coeStatusOptions = (Object.keys(coeStatusLabels) as CoeStatus[]).map((value) => ({ value, label: coeStatusLabels[value].label }));

/** The sections in the order a COE is read, with the titles people know them by. */
export const sectionTitles: Record<SectionName, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  rootCause: 'Root cause',
  questions: 'Questions',
  wentWell: 'What went well',
  lessons: 'Lessons learned',
};
export const sectionOrder = Object.keys(sectionTitles) as SectionName[];

export const milestoneOptions = [
  { value: 'started', label: 'Started' },
  { value: 'detected', label: 'Detected' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'mitigated', label: 'Mitigated' },
  { value: 'resolved', label: 'Resolved' },
] as const;
export type Milestone = (typeof milestoneOptions)[number]['value'];

export const actionItemStatusLabels: Record<ActionItemStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: 'Won’t do',
};
export const actionItemStatusOptions = (Object.keys(actionItemStatusLabels) as ActionItemStatus[]).map((value) => ({ value, label: actionItemStatusLabels[value] }));
export const isOpenItem = (status: ActionItemStatus) => status === 'open' || status === 'in_progress';

export const priorityOptions: { value: Priority; label: string }[] = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];
export const priorityLabels: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' };
export const priorityColors: Record<Priority, string> = { high: 'red.8', medium: 'orange.8', low: 'gray.7' };

export const actionItemTypeOptions: { value: ActionItemType; label: string }[] = [
  { value: 'mitigate', label: 'Mitigate: limit the damage next time' },
  { value: 'prevent', label: 'Prevent: stop it happening again' },
  { value: 'process', label: 'Process: change how we work' },
];
export const actionItemTypeLabels: Record<ActionItemType, string> = { mitigate: 'Mitigate', prevent: 'Prevent', process: 'Process' };
