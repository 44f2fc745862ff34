import { Fragment } from 'react';

type Range = { start: number; end: number };

/** Plain text with its matched parts marked; the text is never treated as HTML. */
export function HighlightedText({ text, highlights }: { text: string; highlights: Range[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, range] of highlights.entries()) {
    if (range.start < at || range.end > text.length) continue;
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, range.start)}</Fragment>, <mark key={`m${i}`}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  }
  parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
