import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('names the two largest units, as people say it', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(725)).toBe('12 min 5 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3 * 3600 + 20 * 60 + 59)).toBe('3 h 20 min');
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe('2 d 4 h');
  });

  it('stops at the first empty unit after the largest, rather than skipping to a smaller one', () => {
    expect(formatDuration(86_400 + 30)).toBe('1 d');
  });

  it('rounds to whole seconds and shows nothing known as a dash', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(0.4)).toBe('0 s');
    expect(formatDuration(59.6)).toBe('1 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
  });
});

describe('formatAgo', () => {
  it('says "just now" for the first seconds, then how long ago', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(formatAgo('2026-11-26T11:59:55Z', now)).toBe('just now');
    expect(formatAgo('2026-11-26T11:57:00Z', now)).toBe('3 min ago');
  });
});
