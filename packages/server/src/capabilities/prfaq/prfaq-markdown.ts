import { INTERNAL_FAQ_PROMPTS } from '@dayone/contracts';
import type { Prfaq } from '@dayone/contracts';
import type { Sections } from './prfaq-sections';

const part = (title: string, text: string) => (text.trim() ? [`**${title}.** ${text.trim()}`, ''] : []);
const faq = (entries: { question: string; answer: string }[]) => entries.flatMap((e) => [`### ${e.question}`, '', e.answer.trim() || '_Not answered yet._', '']);
const fence = (code: string) => '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)));

/** A PR/FAQ version as Markdown, for export and print: the press release as it would be published,
 *  then the FAQs, the customer experience and the user manual. */
export function prfaqMarkdown(doc: Pick<Prfaq, 'number' | 'team' | 'author' | 'status' | 'decision'>, version: { number: number; title: string; customer: string; savedAt: string; sections: Sections }): string {
  const pr = version.sections.pressRelease;
  const cx = version.sections.customerExperience;
  const manual = version.sections.userManual;
  const dateline = [pr.city, pr.outlet, pr.launchDate].map((s) => s.trim()).filter(Boolean).join(' — ');
  const status = doc.decision ? `${doc.status} (${doc.decision})` : doc.status;
  return [
    `# ${pr.heading.trim() || version.title}`,
    '',
    ...(pr.subheading.trim() ? [`_${pr.subheading.trim()}_`, ''] : []),
    `PR/FAQ ${doc.number} · ${version.title} · Team: ${doc.team} · Author: ${doc.author} · Customer: ${version.customer || '—'} · Status: ${status} · Version ${version.number} of ${version.savedAt.slice(0, 10)}`,
    '',
    '## Press release',
    '',
    ...(pr.summary.trim() || dateline ? [`${dateline ? `**${dateline}** — ` : ''}${pr.summary.trim()}`, ''] : []),
    ...part('The problem', pr.problem),
    ...part('The solution', pr.solution),
    ...(pr.leaderQuote.trim() ? [`> ${pr.leaderQuote.trim().replace(/\n/g, '\n> ')}`, ''] : []),
    ...part('Getting started', pr.gettingStarted),
    ...(pr.customerQuote.trim() ? [`> ${pr.customerQuote.trim().replace(/\n/g, '\n> ')}`, ''] : []),
    ...part('Call to action', pr.callToAction),
    '## External FAQ',
    '',
    ...faq(version.sections.externalFaq),
    '## Internal FAQ',
    '',
    ...faq(version.sections.internalFaq.map((e) => ({ ...e, question: e.question || INTERNAL_FAQ_PROMPTS.find((p) => p.topic === e.topic)?.question || '' }))),
    '## Customer experience',
    '',
    ...(cx.narrative.trim() ? [cx.narrative.trim(), ''] : []),
    ...cx.mockups.flatMap((m) => [`![${m.alt.replace(/[[\]]/g, '')}](${m.url})`, ...(m.caption.trim() ? [`_${m.caption.trim()}_`] : []), '']),
    ...cx.useCases.flatMap((u) => [`### ${u.title}`, '', ...(u.description.trim() ? [u.description.trim(), ''] : []), ...(u.code ? [`${fence(u.code)}${u.language}`, u.code, fence(u.code), ''] : [])]),
    '## User manual',
    '',
    '### Concepts',
    '',
    manual.concepts.trim(),
    '',
    '### How to',
    '',
    manual.howTo.trim(),
    '',
    '### Reference',
    '',
    manual.reference.trim(),
    '',
  ].join('\n');
}
