import type { CoachDocument, CoachSection } from './coach-text';
import { finding, quote as quoted, WHOLE, type Finding } from './finding';
import type { Span } from './sentences';

/** Short words that do not identify a customer ("teams at companies with…"). */
const LINKING = new Set(['with', 'that', 'their', 'from', 'into', 'than', 'this', 'these', 'those', 'such', 'who', 'whose', 'and', 'for', 'the']);
const WORD = /[\p{L}\p{N}]+/gu;
/** A number: digits, or a number written out. */
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|twice|double|triple|dozen|percent)\b/i;

/** A plural folded to its singular ("companies" → "company", "businesses" → "business", "teams" → "team"). */
function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The words that identify the customer: every word of three letters or more that is not a linking word. */
function customerWords(customer: string): Set<string> {
  const words = [...customer.matchAll(WORD)].map((m) => m[0].toLowerCase()).filter((w) => w.length >= 3 && !LINKING.has(w));
  return new Set(words.map(singular));
}

/** The text names the customer when it uses one of the words that identify them (singular or plural). */
function namesCustomer(section: CoachSection, words: Set<string>): boolean {
  for (const m of section.prose.matchAll(WORD)) if (words.has(singular(m[0]))) return true;
  return false;
}

const wholeText = (section: CoachSection): Span => ({ start: 0, end: section.text.length });

/** The customer named in the summary and the problem; a customer quote that carries a number. */
export function customerRules(doc: CoachDocument): Finding[] {
  const findings: Finding[] = [];
  const [summary, problem, quote] = ['summary', 'problem', 'customerQuote'].map((part) => doc.pressRelease.find((s) => s.part === part) as CoachSection);
  const words = customerWords(doc.customer);
  const customer = quoted(doc.customer, { start: 0, end: doc.customer.length });
  if (!words.size) {
    findings.push(finding('customer-missing', 'customer', WHOLE, 'Say who the customer is (e.g. “platform engineers at companies of 50 to 500 people”): the press release is written for them.'));
  } else {
    if (!namesCustomer(summary, words)) findings.push(finding('customer-not-in-summary', summary.name, wholeText(summary), `Name the customer (${customer}) in the summary, so the reader knows who it is for.`));
    if (!namesCustomer(problem, words)) findings.push(finding('customer-not-in-problem', problem.name, wholeText(problem), `Name the customer (${customer}) in the problem: whose problem is it?`));
  }
  if (!NUMBER.test(quote.prose)) findings.push(finding('quote-without-number', quote.name, wholeText(quote), 'Give the customer quote a number: the time, money or errors the customer saves (“we ship in 10 minutes instead of 2 days”).'));
  return findings;
}
