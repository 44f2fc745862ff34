import { describe, expect, it } from 'vitest';
import { memoByText } from './text-memo';

describe('memoByText', () => {
  it('analyses a text once while it is among the most recently used, and long texts every time', () => {
    const seen: string[] = [];
    const length = memoByText((text) => (seen.push(text), text.length), 2, 5);
    expect([length('a'), length('bb'), length('a'), length('ccc'), length('bb'), length('a')]).toEqual([1, 2, 1, 3, 2, 1]);
    // 'a' was used again before 'ccc' came, so 'bb' was the one forgotten; then 'a' made way for 'bb'.
    expect(seen).toEqual(['a', 'bb', 'ccc', 'bb', 'a']);
    length('longer');
    length('longer');
    expect(seen.slice(5)).toEqual(['longer', 'longer']);
  });
});
