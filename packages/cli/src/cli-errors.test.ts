import { DayOneError, DayOneUnavailableError } from '@dayone/sdk';
import { describe, expect, it } from 'vitest';
import { reportError, UsageError, withNote } from './cli-errors';

function report(error: unknown) {
  let stderr = '';
  const code = reportError(error, { stdout: () => undefined, stderr: (t) => void (stderr += t), env: {} });
  return { code, stderr };
}

describe('reportError', () => {
  it('prints detail, code and each field error for a refusal (exit 1)', () => {
    const error = new DayOneError({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request body is invalid.',
      errors: [
        { path: 'name', message: 'Required' },
        { path: 'expiresAt', message: 'Invalid ISO datetime' },
      ],
      requestUrl: 'http://h/api/v1/tokens',
    });
    expect(report(error)).toEqual({
      code: 1,
      stderr:
        'error: The request body is invalid. (VALIDATION_FAILED, HTTP 400)\n  name: Required\n  expiresAt: Invalid ISO datetime\n',
    });
  });

  it('does not repeat a lone field error the detail already states', () => {
    const error = new DayOneError({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'body.name: Required',
      errors: [{ path: 'body.name', message: 'Required' }],
      requestUrl: 'http://h/api/v1/tokens',
    });
    expect(report(error).stderr).toBe('error: body.name: Required (VALIDATION_FAILED, HTTP 400)\n');
  });

  it('maps unreachable and misuse to exit 2, anything else to exit 1', () => {
    expect(report(new DayOneUnavailableError('http://h/x', 'ECONNREFUSED')).code).toBe(2);
    expect(report(new UsageError('bad')).code).toBe(2);
    expect(report(new Error('boom'))).toEqual({ code: 1, stderr: 'error: boom\n' });
  });

  it('prints notes attached with withNote after the error, keeping its exit code', () => {
    const error = withNote(new DayOneUnavailableError('http://h/api/v1/catalog/import', 'ECONNRESET'), 'note: 3 of 9 done');
    const { code, stderr } = report(error);
    expect(code).toBe(2);
    expect(stderr.split('\n').slice(-2)).toEqual(['note: 3 of 9 done', '']);
  });
});
