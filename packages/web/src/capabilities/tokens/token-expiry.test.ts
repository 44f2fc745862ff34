import { describe, expect, it } from 'vitest';
import { expiresAtFor } from './token-expiry';

describe('expiresAtFor', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  it('counts periods in days from now', () => {
    expect(expiresAtFor('7', '', now)).toBe('2030-01-08T00:00:00.000Z');
    expect(expiresAtFor('30', '', now)).toBe('2030-01-31T00:00:00.000Z');
    expect(expiresAtFor('365', '', now)).toBe('2031-01-01T00:00:00.000Z');
  });
  it('sends nothing for never, and the end of the chosen day for a date', () => {
    expect(expiresAtFor('never', '2030-05-05', now)).toBeUndefined();
    expect(expiresAtFor('date', '', now)).toBeUndefined();
    const endOfDay = new Date(expiresAtFor('date', '2030-05-05', now)!);
    expect([endOfDay.getFullYear(), endOfDay.getMonth(), endOfDay.getDate(), endOfDay.getHours(), endOfDay.getMinutes()]).toEqual([2030, 4, 5, 23, 59]);
  });
});
