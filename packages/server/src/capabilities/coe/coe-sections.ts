import { sectionContent, MILESTONE_ORDER, type SectionName } from '@dayone/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';

/** What each section asks for; shown beside its editor. */
export const SECTION_GUIDANCE: Record<SectionName, string> = {
  summary: 'What happened, in a few sentences a customer could follow. No names: describe systems and decisions, not people.',
  impact: 'Who was affected and how much, in numbers: customers affected, duration, failed requests, money.',
  timeline: 'Timestamped events. Mark the milestones started, detected, acknowledged, mitigated and resolved, in that order.',
  rootCause: 'Ask "why?" until you reach a cause you can fix: at least three steps per chain. "Human error" is never the end of a chain.',
  questions: 'Detection (how did we find out; why not sooner?), diagnosis, mitigation, and prevention ("why did our tests not catch this?").',
  wentWell: 'What worked and should be kept: alarms that fired, runbooks that helped.',
  lessons: 'What we learned that other teams should know.',
};

export const SECTION_NAMES = Object.keys(SECTION_GUIDANCE) as SectionName[];

export const EMPTY_CONTENT: Record<SectionName, unknown> = {
  summary: '',
  impact: { description: '', customersAffected: null, durationMinutes: null, failedRequests: null, money: null },
  timeline: [],
  rootCause: [],
  questions: { detection: '', diagnosis: '', mitigation: '', prevention: '' },
  wentWell: '',
  lessons: '',
};

type Timeline = z.infer<(typeof sectionContent)['timeline']>;

/** Validates a section's content against its contract, naming the field at fault (content.…). */
export function parseSection(name: SectionName, content: unknown): unknown {
  const parsed = sectionContent[name].safeParse(content);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: ['content', ...i.path].join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  if (name === 'timeline') assertMilestonesInOrder(parsed.data as Timeline);
  return parsed.data;
}

/** Each milestone at most once, in the order started → detected → acknowledged → mitigated → resolved,
 *  both in position and in time. */
export function assertMilestonesInOrder(timeline: Timeline): void {
  let lastRank = -1;
  let lastAt = '';
  timeline.forEach((entry, i) => {
    if (!entry.milestone) return;
    const rank = MILESTONE_ORDER.indexOf(entry.milestone);
    const at = new Date(entry.at).toISOString();
    const path = `content.${i}.milestone`;
    if (rank <= lastRank) {
      throw new AppError('VALIDATION_FAILED', `${path}: ${entry.milestone} comes after ${MILESTONE_ORDER[lastRank]} or twice`, { errors: [{ path, message: `${entry.milestone} is out of order (started, detected, acknowledged, mitigated, resolved)` }] });
    }
    if (at < lastAt) {
      throw new AppError('VALIDATION_FAILED', `content.${i}.at: ${entry.milestone} is earlier than the milestone before it`, { errors: [{ path: `content.${i}.at`, message: `${entry.milestone} is earlier than the milestone before it` }] });
    }
    lastRank = rank;
    lastAt = at;
  });
}

/** Time to detect, mitigate and resolve, from the started milestone. */
export function durations(timeline: Timeline) {
  const at = (m: string) => {
    const e = timeline.find((t) => t.milestone === m);
    return e ? Date.parse(e.at) : null;
  };
  const started = at('started');
  const since = (m: string) => {
    const t = at(m);
    return started !== null && t !== null ? Math.round((t - started) / 1000) : null;
  };
  return { secondsToDetect: since('detected'), secondsToMitigate: since('mitigated'), secondsToResolve: since('resolved') };
}

/** The timeline's milestones and when they happened, in order; what a metric chart marks. */
export function milestoneTimes(timeline: Timeline) {
  return timeline.filter((t) => t.milestone).map((t) => ({ milestone: t.milestone!, at: new Date(t.at).toISOString() }));
}
