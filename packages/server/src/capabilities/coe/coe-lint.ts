import type { SectionName } from '@dayone/contracts';

export interface LintFinding {
  section: string;
  code: 'NAMES_A_PERSON' | 'HUMAN_ERROR_ROOT_CAUSE' | 'SHALLOW_WHYS' | 'IMPACT_WITHOUT_NUMBERS' | 'NO_ACTION_ITEMS';
  message: string;
}

const HUMAN_ERROR = /\b(human error|operator (error|mistake)|user error|someone (forgot|made a mistake)|(engineer|developer|person) (forgot|made a mistake|was careless))\b/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every piece of prose in a section, for the checks that read text. */
function texts(name: SectionName, content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (name === 'timeline') return (content as { text: string }[]).map((t) => t.text);
  if (name === 'rootCause') return (content as { steps: { why: string; because: string }[] }[]).flatMap((c) => c.steps.flatMap((s) => [s.why, s.because]));
  if (content && typeof content === 'object') return Object.values(content).filter((v): v is string => typeof v === 'string');
  return [];
}

/** Advice for a blameless, deep-enough COE. It never blocks writing. `people` are names from the
 *  directory (display names and handles); a mention of one in the narrative is flagged. */
export function lintCoe(sections: { name: SectionName; content: unknown }[], people: string[], actionItems: number): LintFinding[] {
  const findings: LintFinding[] = [];
  const names = people.filter((p) => p.length >= 3).map((p) => ({ p, re: new RegExp(`(^|[^\\p{L}\\p{N}])${escape(p)}($|[^\\p{L}\\p{N}])`, 'iu') }));
  for (const s of sections) {
    const text = texts(s.name, s.content).join('\n');
    const named = names.filter(({ re }) => re.test(text)).map(({ p }) => p);
    if (named.length) findings.push({ section: s.name, code: 'NAMES_A_PERSON', message: `Mentions ${[...new Set(named)].join(', ')}: describe roles, systems and decisions instead of people.` });
    if (s.name === 'rootCause') {
      const chains = s.content as { steps: { because: string }[] }[];
      chains.forEach((c, i) => {
        if (c.steps.length < 3) findings.push({ section: s.name, code: 'SHALLOW_WHYS', message: `Chain ${i + 1} stops after ${c.steps.length} why${c.steps.length === 1 ? '' : 's'}; keep asking until the cause is one you can fix.` });
        const last = c.steps[c.steps.length - 1]?.because ?? '';
        if (HUMAN_ERROR.test(last)) findings.push({ section: s.name, code: 'HUMAN_ERROR_ROOT_CAUSE', message: `Chain ${i + 1} ends at human error; ask why the system let the mistake through.` });
      });
    }
    if (s.name === 'impact') {
      const impact = s.content as { description: string; customersAffected: number | null; durationMinutes: number | null; failedRequests: number | null; money: number | null };
      const numbers = [impact.customersAffected, impact.durationMinutes, impact.failedRequests, impact.money].some((n) => n !== null) || /\d/.test(impact.description);
      if (impact.description.trim() && !numbers) findings.push({ section: s.name, code: 'IMPACT_WITHOUT_NUMBERS', message: 'The impact has no numbers: how many customers, for how long, how many failed requests, how much money?' });
    }
  }
  if (actionItems === 0) findings.push({ section: 'actionItems', code: 'NO_ACTION_ITEMS', message: 'No action items yet: a COE is there to produce corrective actions.' });
  return findings;
}
