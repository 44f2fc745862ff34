import type { PrfaqSectionName, PrfaqVersion } from '@dayone/contracts';
import { pressReleaseFields, pressReleaseLabels } from './prfaq-labels';

export type PassageField = { value: string; label: string; section: PrfaqSectionName; field: string; text: string };

/** Every text field of a version a comment may point into, with its text. */
export function passageFields(version: Pick<PrfaqVersion, 'sections'>): PassageField[] {
  const content = (name: PrfaqSectionName) => version.sections.find((s) => s.name === name)?.content as never;
  const out: PassageField[] = [];
  const pr = (content('pressRelease') as Record<string, string> | undefined) ?? {};
  for (const f of pressReleaseFields) if (pr[f]) out.push({ value: `pressRelease:${f}`, label: `Press release: ${pressReleaseLabels[f]}`, section: 'pressRelease', field: f, text: pr[f] });
  for (const [section, title] of [['externalFaq', 'External FAQ'], ['internalFaq', 'Internal FAQ']] as const) {
    ((content(section) as { question: string; answer: string }[] | undefined) ?? []).forEach((entry, i) => {
      if (entry.answer) out.push({ value: `${section}:${i}.answer`, label: `${title}: ${entry.question}`, section, field: `${i}.answer`, text: entry.answer });
    });
  }
  const manual = (content('userManual') as Record<string, string> | undefined) ?? {};
  for (const f of ['concepts', 'howTo', 'reference']) if (manual[f]) out.push({ value: `userManual:${f}`, label: `User manual: ${f}`, section: 'userManual', field: f, text: manual[f] });
  const narrative = (content('customerExperience') as { narrative?: string } | undefined)?.narrative;
  if (narrative) out.push({ value: 'customerExperience:narrative', label: 'Customer experience: narrative', section: 'customerExperience', field: 'narrative', text: narrative });
  return out;
}
