import type { AndonPull } from './andon-api';

/** Severity 1 is the worst. Kept here rather than read from the contracts, so the bundle does not carry zod. */
export const severityOptions = [
  { value: '1', label: '1: critical, customers are hurt now' },
  { value: '2', label: '2: major, customers will be hurt soon' },
  { value: '3', label: '3: moderate, something is wrong' },
  { value: '4', label: '4: minor, worth stopping to look' },
];

export const DEFAULT_SEVERITY = '3';

export const statusLabels: Record<AndonPull['status'], string> = {
  active: 'Active',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export const statusColors: Record<AndonPull['status'], string> = {
  active: 'red',
  acknowledged: 'orange',
  resolved: 'teal',
};

/** What a pull stops, in words: "checkout", "team payments", "the whole organisation". */
export function targetLabel(target: Pick<AndonPull['target'], 'kind' | 'name'>): string {
  switch (target.kind) {
    case 'organisation':
      return 'the whole organisation';
    case 'team':
      return `team ${target.name ?? ''}`.trim();
    case 'system':
      return `system ${target.name ?? ''}`.trim();
    case 'service':
      return target.name ?? 'a service';
  }
}
