import type { CoachDocument } from './coach-text';
import { finding, type Finding } from './finding';
import type { Span } from './sentences';

/** Two or more capitals (digits and & may sit between), optionally a plural s, standing alone as a word. */
const ACRONYM = /(?<![\p{L}\p{N}])([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)s?(?![\p{L}\p{N}])/gu;
/** Abbreviations every reader of a business document knows. */
const WELL_KNOWN = new Set(['FAQ', 'PR', 'CEO', 'CTO', 'CFO', 'VP', 'US', 'USA', 'UK', 'EU', 'OK', 'AM', 'PM', 'ID', 'TV', 'PDF', 'URL', 'USD', 'EUR', 'GBP']);

/** A press release's summary opens with a dateline in capitals ("SEATTLE — (BUSINESS WIRE) — 1 March
 *  2027 —"): a place, not an acronym. It runs to the last dash within its first 150 characters. */
const DATELINE = /^\s*[A-Z][A-Z.,' ]*[A-Z.]\s*(—|–|--)/;
function datelineEnd(prose: string): number {
  if (!DATELINE.test(prose)) return 0;
  const head = prose.slice(0, 150);
  return Math.max(...['—', '–', '--'].map((dash) => head.lastIndexOf(dash)));
}

interface Use extends Span {
  acronym: string;
  section: string;
  /** The acronym is defined here: "service level agreement (SLA)" or "SLA (service level agreement)". */
  defines: boolean;
}

function usesIn(section: string, prose: string): Use[] {
  const uses: Use[] = [];
  const dateline = section === 'pressRelease.summary' ? datelineEnd(prose) : 0;
  for (const m of prose.matchAll(ACRONYM)) {
    const acronym = m[1];
    if (WELL_KNOWN.has(acronym) || m.index < dateline) continue;
    const start = m.index;
    const end = start + m[0].length;
    const inParentheses = /\(\s*$/.test(prose.slice(Math.max(0, start - 3), start)) && /^\s*\)/.test(prose.slice(end, end + 3));
    const beforeParentheses = /^\s?\(\s*\p{L}/u.test(prose.slice(end, end + 4));
    uses.push({ acronym, section, start, end, defines: inParentheses || beforeParentheses });
  }
  return uses;
}

/** Acronyms used before they are defined, reading the document in order (press release, then FAQs);
 *  each is reported once, where it is first used. */
export function acronymRules(doc: CoachDocument): Finding[] {
  const uses = doc.all.flatMap((s) => usesIn(s.name, s.prose));
  const firstDefinition = new Map<string, Use>();
  for (const use of uses) if (use.defines && !firstDefinition.has(use.acronym)) firstDefinition.set(use.acronym, use);
  const settled = new Set<string>();
  const findings: Finding[] = [];
  for (const use of uses) {
    if (settled.has(use.acronym)) continue;
    settled.add(use.acronym);
    if (use.defines) continue;
    const later = firstDefinition.get(use.acronym);
    const where = later ? ` It is defined later, in ${later.section}: move that definition here.` : ' If it is not an acronym, write it in lower case.';
    findings.push(finding('undefined-acronym', use.section, use, `“${use.acronym}” is used before it is defined: spell it out at first use, e.g. “service level agreement (SLA)”.${where}`));
  }
  return findings;
}
