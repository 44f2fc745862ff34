import { describe, expect, it } from 'vitest';
import { codecs, isoToLocalInput, localInputToIso, sectionErrors } from './section-values';

describe('section codecs', () => {
  it('reads content of any shape, empty or partial, as editor values', () => {
    expect(codecs.summary.read(null)).toBe('');
    expect(codecs.impact.read({ customersAffected: 12 })).toEqual({ description: '', customersAffected: 12, durationMinutes: '', failedRequests: '', money: '' });
    expect(codecs.timeline.read(undefined)).toEqual([]);
    expect(codecs.rootCause.read([{ steps: [{ why: 'a', because: 'b' }] }])).toMatchObject([{ title: '', steps: [{ why: 'a', because: 'b' }] }]);
  });

  it('writes empty numbers as null, leaves out an empty milestone and an empty chain title', () => {
    expect(codecs.impact.write({ description: 'x', customersAffected: '', durationMinutes: 5, failedRequests: '', money: 0 })).toEqual({
      description: 'x',
      customersAffected: null,
      durationMinutes: 5,
      failedRequests: null,
      money: 0,
    });
    const [row] = codecs.timeline.read([{ at: '2026-01-02T03:04:05.000Z', text: 'deploy' }]);
    expect(codecs.timeline.write([row])).toEqual([{ at: '2026-01-02T03:04:05.000Z', text: 'deploy' }]);
    expect(codecs.rootCause.write([{ key: 'k', title: ' ', steps: [{ key: 's', why: 'w', because: 'b' }] }])).toEqual([{ steps: [{ why: 'w', because: 'b' }] }]);
  });

  it('round-trips a time through the datetime-local input to the second', () => {
    expect(localInputToIso(isoToLocalInput('2026-11-26T14:05:09.000Z'))).toBe('2026-11-26T14:05:09.000Z');
    expect(localInputToIso('')).toBe('');
  });
});

describe('sectionErrors', () => {
  it('keys errors by their path within the section, with or without the section name', () => {
    const { at, shown } = sectionErrors(
      [
        { path: 'content.timeline.2.milestone', message: 'out of order' },
        { path: 'content.0.text', message: 'must say what happened' },
        { path: 'content.timeline.1.colour', message: 'unknown' },
        { path: 'title', message: 'elsewhere' },
      ],
      'timeline',
    );
    expect(at).toEqual({ '2.milestone': 'out of order', '0.text': 'must say what happened' });
    expect(shown).toEqual(['content.timeline.2.milestone', 'content.0.text']);
    expect(sectionErrors([{ path: 'content.rootCause.0.steps.1.because', message: 'm' }], 'rootCause').at).toEqual({ '0.steps.1.because': 'm' });
  });
});
