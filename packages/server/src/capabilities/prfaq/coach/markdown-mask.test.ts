import { describe, expect, it } from 'vitest';
import { maskMarkdown } from './markdown-mask';

describe('Markdown masking', () => {
  it('blanks syntax and code but keeps every word people read at its offset', () => {
    const text = '# Launch\n\n- **Fast** deploys with _no_ waiting.\n> Run `dayone gate check` or see [the guide](https://example.com/g) ![chart](c.png) <br/>\n```\nSLA = 1\n```\nDone.';
    const masked = maskMarkdown(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.split('\n').map((line) => line.trimEnd())).toEqual([
      '  Launch',
      '',
      '    Fast   deploys with  no  waiting.',
      '  Run                     or see  the guide',
      '',
      '',
      '',
      'Done.',
    ]);
    for (const word of ['Launch', 'Fast', 'waiting.', 'Run', 'the guide', 'Done.']) expect(masked.indexOf(word)).toBe(text.indexOf(word));
  });

  it('keeps a text without Markdown as it is', () => {
    const text = 'Platform engineers stop a bad deploy in one click — 😀 שלום.';
    expect(maskMarkdown(text)).toBe(text);
  });
});
