import type { Caller } from './demo-client';
import type { DemoContext, OrgTeam } from './demo-context';
import { PRFAQ_TEXTS, type PrfaqText } from './demo-prfaq-texts';
import { DAY, HOUR, MINUTE, WEEK, workingMoment } from './demo-timeline';

/** Working Backwards through the year: PR/FAQs written, reviewed in rounds with comments on passages,
 *  revised, and decided: a two-way door that became yes by default, one-way doors a leader said yes
 *  and no to (the no written down), a written no that went up to a leader who said yes anyway (and
 *  the writer disagreed and committed), one shelved; and now, one in review, one waiting for its
 *  decision and a fresh draft. */
export type PrfaqFate = 'launched' | 'building' | 'yes-after-no' | 'decided-no' | 'shelved' | 'in-review' | 'pending' | 'draft';
export const PRFAQ_FATES: PrfaqFate[] = ['launched', 'building', 'yes-after-no', 'decided-no', 'shelved', 'in-review', 'pending', 'draft'];

const NO_REASONS =
  'The document assumes our order history predicts repayment, but it offers no evidence for that, and the cost of being wrong is ' +
  'lending money to customers who are already short at the end of the month. We would be the lender of last resort for the people ' +
  'least able to repay, and a regulator would see it that way too. I would rather we test the claim on historic data first.';
const NO_CHANGE_MIND = 'A back-test on last year’s orders showing that losses stay under the 1.2% break-even, and a legal opinion on the licence.';

export interface DemoPrfaqs {
  /** PR/FAQ numbers by fate, in the order they were written (for experiments to link to). */
  numbers: Map<PrfaqFate, number[]>;
}

export function createPrfaqs(ctx: DemoContext): DemoPrfaqs {
  const { timeline, size, org } = ctx;
  const numbers = new Map<PrfaqFate, number[]>();
  const spreadFrom = timeline.start + 2 * WEEK;
  const spreadTo = Math.max(spreadFrom, timeline.end - 5 * WEEK);
  const middle = Math.max(1, size.prfaqs - 1);
  for (let k = 0; k < size.prfaqs; k++) {
    const fate = PRFAQ_FATES[k % PRFAQ_FATES.length];
    const text = PRFAQ_TEXTS[k % PRFAQ_TEXTS.length];
    const team = org.products.find((t) => t.name === text.team) ?? org.products[k % org.products.length];
    const title = k < PRFAQ_TEXTS.length ? text.title : `${text.title}: take two`;
    const base =
      fate === 'launched' ? timeline.start + WEEK + k * DAY
      : fate === 'in-review' ? timeline.end - 6 * DAY
      : fate === 'pending' ? timeline.end - 4 * DAY
      : fate === 'draft' ? timeline.end - 2 * DAY
      : spreadFrom + ((spreadTo - spreadFrom) * k) / middle;
    writeOne(ctx, { fate, text, team, title, base: workingMoment(base, 30 + k * 7), record: (n) => numbers.set(fate, [...(numbers.get(fate) ?? []), n]) });
  }
  return { numbers };
}

interface Plan {
  fate: PrfaqFate;
  text: PrfaqText;
  team: OrgTeam;
  title: string;
  base: number;
  record(number: number): void;
}

function writeOne(ctx: DemoContext, plan: Plan): void {
  const { api, timeline, org, random } = ctx;
  const { text, team, fate } = plan;
  const author = team.members[1] ?? team.members[0];
  const me = ctx.as(author);
  const outsiders = org.active.filter((p) => !team.members.includes(p.name) && p.name !== org.admin.name);
  const parentLeader = team.parent ? org.team(team.parent).leader : null;
  const reviewers = [...new Set([parentLeader, random.pick(outsiders).name, random.pick(outsiders).name].filter((r): r is string => !!r && r !== author))];
  let number = 0;
  const path = () => `/api/v1/prfaqs/${number}`;
  const saveSection = async (caller: Caller, section: string, content: unknown) => {
    const detail = await api.get(caller, path());
    const version = detail.sections.find((s: { name: string }) => s.name === section).version as number;
    await api.withVersion(caller, 'PUT', `${path()}/sections/${section}`, version, { content });
  };
  const pressRelease = (problem: string, customerQuote: string) => ({ ...text.pressRelease, problem, customerQuote });
  const b = plan.base;

  timeline.at(b, `PR/FAQ "${plan.title}"`, async () => {
    const created = await api.post(me, '/api/v1/prfaqs', { title: plan.title, team: team.name, customer: text.customer });
    number = created.number;
    plan.record(number);
    await saveSection(me, 'pressRelease', fate === 'draft' ? { heading: text.pressRelease.heading, summary: text.pressRelease.summary, problem: text.firstProblem } : pressRelease(text.firstProblem, ''));
    if (fate === 'draft') return;
    await saveSection(me, 'externalFaq', text.externalFaq.map(([question, answer]) => ({ question, answer })));
    await saveSection(me, 'internalFaq', Object.entries(text.internalFaq).map(([topic, answer]) => ({ topic, question: INTERNAL_QUESTIONS[topic], answer })));
    await saveSection(me, 'customerExperience', { narrative: text.narrative, useCases: [text.useCase], mockups: [] });
    await saveSection(me, 'userManual', text.manual);
    if (text.bet) {
      const detail = await api.get(me, path());
      await api.withVersion(me, 'PATCH', path(), detail.version, { bet: text.bet });
    }
  });
  if (fate === 'draft') return;
  // A sharper problem statement before anyone reads it.
  timeline.at(b + 2 * HOUR, 'PR/FAQ revised', () => saveSection(me, 'pressRelease', pressRelease(text.pressRelease.problem, '')));

  // Round 1: the reviewers read the frozen version and comment on passages; the author answers.
  timeline.at(b + DAY, 'review round', () => api.post(me, `${path()}/rounds`, { reviewers }));
  text.comments.forEach((comment, k) => {
    const reviewer = reviewers[k % reviewers.length];
    timeline.at(b + DAY + (2 + k) * HOUR, 'review comment', async () => {
      const value = text.pressRelease[comment.field];
      const start = value.indexOf(comment.quote);
      const thread = await api.post(ctx.as(reviewer), `${path()}/rounds/1/comments`, { body: comment.body, anchor: { section: 'pressRelease', field: comment.field, start, end: start + comment.quote.length, quote: comment.quote } });
      timeline.at(b + DAY + (5 + k) * HOUR, 'reply to a comment', async () => {
        await api.post(me, `${path()}/rounds/1/comments`, { body: comment.reply, parentId: thread.id });
        if (fate !== 'in-review' || k > 0) await api.post(me, `${path()}/rounds/1/comments/${thread.id}/resolve`, { resolved: true });
      });
    });
  });
  timeline.at(b + DAY + 7 * HOUR, 'general comment', () => api.post(ctx.as(reviewers[reviewers.length - 1]), `${path()}/rounds/1/comments`, { body: 'The customer quote is missing; a real one from the beta would make this much stronger.' }));
  if (fate === 'in-review') return;

  // Revision after the round: the customer quote the reviewers asked for.
  timeline.at(b + 3 * DAY, 'PR/FAQ revised after review', async () => {
    await saveSection(me, 'pressRelease', pressRelease(text.pressRelease.problem, text.pressRelease.customerQuote));
    await api.post(me, `${path()}/rounds/1/close`, {});
  });
  if (fate === 'shelved') {
    timeline.at(b + 8 * DAY, 'PR/FAQ shelved', () => api.post(me, `${path()}/status`, { status: 'shelved', note: 'The beta showed customers did not want this enough; we will revisit after the loyalty launch.' }));
    return;
  }
  const askAt = fate === 'pending' ? timeline.end - 20 * HOUR : b + 4 * DAY;
  const oneWay = fate === 'building' || fate === 'decided-no';
  let decision: { id: string; dueAt: string | null; decider: string | null } | null = null;
  timeline.at(askAt, 'decision asked for', async () => {
    decision = await api.post(me, `${path()}/decisions`, { door: oneWay ? 'one_way' : 'two_way' });
    if (fate !== 'launched') return;
    // Nobody writes a no: the window closes and the answer is yes by default. The server's decision
    // scheduler applies it when it looks, which it does as it starts.
    timeline.at(Date.parse(decision!.dueAt!) + 5 * MINUTE, 'the window closes', async () => {
      await ctx.restartServer();
      await waitUntil(async () => (await readDecision()).state === 'decided');
    });
  });
  const decisionPath = () => `${path()}/decisions/${decision!.id}`;
  const readDecision = async () => (await api.get(me, `${path()}/decisions`)).items.find((d: { id: string }) => d.id === decision!.id);
  if (fate === 'pending') return;

  if (fate === 'building' || fate === 'decided-no') {
    timeline.at(askAt + 26 * HOUR, 'the decider answers', async () => {
      const decider = ctx.as(decision!.decider!);
      if (fate === 'building') await api.post(decider, `${decisionPath()}/decide`, { answer: 'yes', reasons: 'The bet is sized right and the first step is reversible in practice; go.' });
      else await api.post(decider, `${decisionPath()}/decide`, { answer: 'no', reasons: NO_REASONS, wouldChangeMind: NO_CHANGE_MIND });
    });
  } else if (fate === 'yes-after-no') {
    const skeptic = reviewers.find((r) => r !== parentLeader) ?? random.pick(outsiders).name;
    timeline.at(askAt + 20 * HOUR, 'a written no', async () => {
      await api.post(ctx.as(skeptic), `${decisionPath()}/no`, { reasons: NO_REASONS, wouldChangeMind: NO_CHANGE_MIND });
    });
    timeline.at(askAt + 44 * HOUR, 'the leader above decides', async () => {
      const current = await readDecision();
      await api.post(ctx.as(current.decider), `${decisionPath()}/decide`, { answer: 'yes', reasons: 'The concern is fair, so the launch starts with a small cohort and a loss limit; we learn more from a careful yes than from waiting.' });
    });
    timeline.at(askAt + 46 * HOUR, 'disagree and commit', () => api.post(ctx.as(skeptic), `${decisionPath()}/commitments`, { note: 'I still think we need the back-test, but I am in: I will build the loss dashboard.' }));
  }
  if (fate === 'launched' || fate === 'building' || fate === 'yes-after-no') {
    const buildAt = askAt + 5 * DAY;
    timeline.at(buildAt, 'building', () => api.post(me, `${path()}/status`, { status: 'building', note: 'Kick-off done; first milestone in three weeks.' }));
    if (fate === 'launched') timeline.at(buildAt + 3 * WEEK, 'launched', () => api.post(me, `${path()}/status`, { status: 'launched', note: 'Live for every customer.' }));
  }
}

const INTERNAL_QUESTIONS: Record<string, string> = {
  marketSize: 'How many customers have this problem?',
  economics: 'What are the economics?',
  dependencies: 'What do we depend on?',
  risks: 'What are the biggest risks?',
  whatMustBeTrue: 'What must be true for this to succeed?',
};

/** Waits (in real time) for a background job of the server to do its part. */
async function waitUntil(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not apply the closed decision window');
}
