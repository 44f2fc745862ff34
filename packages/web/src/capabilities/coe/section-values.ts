import type { SectionName } from './coe-api';
import { milestoneOptions, type Milestone } from './coe-labels';

/** What the editors hold for each section: strings for inputs, rows with stable keys for lists. */
export type NumberField = number | '';
export type ImpactValue = { description: string; customersAffected: NumberField; durationMinutes: NumberField; failedRequests: NumberField; money: NumberField };
export type TimelineRow = { key: string; at: string; text: string; milestone: Milestone | null };
export type WhyStepRow = { key: string; why: string; because: string };
export type WhyChainValue = { key: string; title: string; steps: WhyStepRow[] };
export type QuestionsValue = { detection: string; diagnosis: string; mitigation: string; prevention: string };

export type SectionValues = {
  summary: string;
  impact: ImpactValue;
  timeline: TimelineRow[];
  rootCause: WhyChainValue[];
  questions: QuestionsValue;
  wentWell: string;
  lessons: string;
};

export const impactFields = ['description', 'customersAffected', 'durationMinutes', 'failedRequests', 'money'] as const;
export const questionFields = ['detection', 'diagnosis', 'mitigation', 'prevention'] as const;

let lastKey = 0;
/** A key for a new list row, so React keeps each row's inputs when rows are added or removed. */
export const newKey = () => `row-${++lastKey}`;

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const numberField = (value: unknown): NumberField => (typeof value === 'number' && Number.isFinite(value) ? value : '');
const milestones: readonly string[] = milestoneOptions.map((m) => m.value);

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as a datetime-local input shows it, in the browser's time zone, to the second. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A datetime-local value (browser time zone) as an ISO time in UTC; anything unreadable is sent as typed, for the server to name. */
export function localInputToIso(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

export const emptyTimelineRow = (): TimelineRow => ({ key: newKey(), at: '', text: '', milestone: null });
export const emptyWhyStep = (): WhyStepRow => ({ key: newKey(), why: '', because: '' });
export const emptyWhyChain = (): WhyChainValue => ({ key: newKey(), title: '', steps: [emptyWhyStep()] });

type Codec<T> = {
  /** The server's content (any shape, possibly empty) as editor values. */
  read(content: unknown): T;
  /** The editor values as the content the server expects. */
  write(value: T): unknown;
};

const textCodec: Codec<string> = { read: text, write: (value) => value };

export const codecs: { [N in SectionName]: Codec<SectionValues[N]> } = {
  summary: textCodec,
  wentWell: textCodec,
  lessons: textCodec,
  impact: {
    read: (content) => {
      const c = record(content);
      return {
        description: text(c.description),
        customersAffected: numberField(c.customersAffected),
        durationMinutes: numberField(c.durationMinutes),
        failedRequests: numberField(c.failedRequests),
        money: numberField(c.money),
      };
    },
    write: (v) => ({
      description: v.description,
      customersAffected: v.customersAffected === '' ? null : v.customersAffected,
      durationMinutes: v.durationMinutes === '' ? null : v.durationMinutes,
      failedRequests: v.failedRequests === '' ? null : v.failedRequests,
      money: v.money === '' ? null : v.money,
    }),
  },
  timeline: {
    read: (content) =>
      list(content).map((entry) => {
        const e = record(entry);
        const milestone = typeof e.milestone === 'string' && milestones.includes(e.milestone) ? (e.milestone as Milestone) : null;
        return { key: newKey(), at: isoToLocalInput(text(e.at)), text: text(e.text), milestone };
      }),
    write: (rows) => rows.map((r) => ({ at: localInputToIso(r.at), text: r.text, ...(r.milestone ? { milestone: r.milestone } : {}) })),
  },
  rootCause: {
    read: (content) =>
      list(content).map((chain) => {
        const c = record(chain);
        const steps = list(c.steps).map((step) => {
          const s = record(step);
          return { key: newKey(), why: text(s.why), because: text(s.because) };
        });
        return { key: newKey(), title: text(c.title), steps };
      }),
    write: (chains) =>
      chains.map((c) => ({ ...(c.title.trim() ? { title: c.title } : {}), steps: c.steps.map((s) => ({ why: s.why, because: s.because })) })),
  },
  questions: {
    read: (content) => {
      const c = record(content);
      return { detection: text(c.detection), diagnosis: text(c.diagnosis), mitigation: text(c.mitigation), prevention: text(c.prevention) };
    },
    write: (v) => ({ ...v }),
  },
};

/** The server's paths of fields each editor shows next to its inputs, relative to the section's content. */
const inlinePaths: Record<SectionName, RegExp> = {
  summary: /^$/,
  wentWell: /^$/,
  lessons: /^$/,
  impact: new RegExp(`^(${impactFields.join('|')})$`),
  timeline: /^(\d+(\.(at|text|milestone))?)?$/,
  rootCause: /^(\d+(\.title|\.steps(\.\d+(\.(why|because))?)?)?)?$/,
  questions: new RegExp(`^(${questionFields.join('|')})$`),
};

/** Errors the server named in a section's content ("content.timeline.2.milestone"), keyed by the path within
 *  the section ("2.milestone"); `shown` lists the full paths the editor shows, so an alert can list the rest. */
export function sectionErrors(errors: { path: string; message: string }[], section: SectionName): { at: Record<string, string>; shown: string[] } {
  const at: Record<string, string> = {};
  const shown: string[] = [];
  for (const e of errors) {
    const rest = relativePath(e.path, section);
    if (rest === null || !inlinePaths[section].test(rest)) continue;
    at[rest] ??= e.message;
    shown.push(e.path);
  }
  return { at, shown };
}

function relativePath(path: string, section: SectionName): string | null {
  if (path !== 'content' && !path.startsWith('content.')) return null;
  let rest = path.slice('content'.length).replace(/^\./, '');
  if (rest === section || rest.startsWith(`${section}.`)) rest = rest.slice(section.length).replace(/^\./, '');
  return rest;
}
