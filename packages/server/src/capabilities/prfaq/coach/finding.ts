import type { PrfaqLintFinding, PrfaqLintRule } from '@dayone/contracts';
import type { Span } from './sentences';

export type Finding = PrfaqLintFinding;

/** Advice about a whole (a missing part, the length of the press release): no passage to point at. */
export const WHOLE: Span = { start: 0, end: 0 };

export const finding = (rule: PrfaqLintRule, section: string, span: Span, message: string): Finding => ({
  rule,
  section,
  message,
  start: span.start,
  end: span.end,
});

/** The passage as the message quotes it: one line, at most 60 characters. */
export function quote(text: string, span: Span): string {
  const passage = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return passage.length > 60 ? `${passage.slice(0, 57)}…` : passage;
}
