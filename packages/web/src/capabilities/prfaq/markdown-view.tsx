import { Typography } from '@mantine/core';
import Markdown from 'react-markdown';

/** Markdown written by people, shown safely: raw HTML in it is not rendered (it shows as text), and
 *  links and images keep only http, https, mailto and relative addresses (react-markdown's default). */
export function MarkdownView({ text, empty = 'Not written yet.' }: { text: string; empty?: string }) {
  if (!text.trim()) return <em style={{ color: 'var(--mantine-color-dimmed)' }}>{empty}</em>;
  return (
    <Typography>
      <Markdown skipHtml>{text}</Markdown>
    </Typography>
  );
}
