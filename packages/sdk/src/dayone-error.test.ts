import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClient } from './create-client';
import { DayOneError, DayOneUnavailableError } from './dayone-error';
import { fakeFetch, json, problem } from './fake-fetch';

/** A port that was free a moment ago and has nothing listening on it now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('error mapping', () => {
  it('turns problem+json into a DayOneError with field errors', async () => {
    const fetch = fakeFetch(
      problem(400, 'VALIDATION_FAILED', 'The request body is invalid.', [{ path: 'name', message: 'Required' }]),
    );
    const error = await failure(createClient({ url: 'http://h', fetch }).tokens.create({ name: '' }));
    expect(error).toBeInstanceOf(DayOneError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request body is invalid.',
      errors: [{ path: 'name', message: 'Required' }],
      requestUrl: 'http://h/api/v1/tokens',
      title: 'Request failed',
    });
    expect((error as Error).message).toBe('The request body is invalid. (VALIDATION_FAILED, HTTP 400)');
  });

  it('maps 401 and 404 problems without errors to an empty errors list', async () => {
    const fetch = fakeFetch(problem(404, 'TOKEN_NOT_FOUND', 'No token t9.'));
    const error = await failure(createClient({ url: 'http://h', fetch }).tokens.revoke('t9'));
    expect(error).toMatchObject({ status: 404, code: 'TOKEN_NOT_FOUND', errors: [] });
  });

  it('maps a non-problem error reply to a DayOneError with an HTTP code', async () => {
    const fetch = fakeFetch(new Response('<h1>nope</h1>', { status: 403, statusText: 'Forbidden' }));
    const error = await failure(createClient({ url: 'http://h', fetch }).audit.verify());
    expect(error).toBeInstanceOf(DayOneError);
    expect(error).toMatchObject({ status: 403, code: 'HTTP_403', detail: 'Forbidden' });
  });

  it('treats a gateway 502/503/504 without a problem body as unavailable', async () => {
    const fetch = fakeFetch(new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' }));
    const error = await failure(createClient({ url: 'http://h', fetch }).audit.verify());
    expect(error).toBeInstanceOf(DayOneUnavailableError);
    expect(error).toMatchObject({ status: 502, requestUrl: 'http://h/api/v1/audit/verify' });
  });

  it('keeps a 503 problem from Day One itself as a DayOneError', async () => {
    const fetch = fakeFetch(problem(503, 'DATABASE_UNAVAILABLE', 'The database is not answering.'));
    const error = await failure(createClient({ url: 'http://h', fetch }).audit.verify());
    expect(error).toBeInstanceOf(DayOneError);
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  });

  it('turns a network failure into DayOneUnavailableError with the system error code', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), { code: 'ECONNREFUSED' });
    const fetch = fakeFetch(new TypeError('fetch failed', { cause }));
    const error = await failure(createClient({ url: 'http://127.0.0.1:4000', fetch }).tokens.list());
    expect(error).toBeInstanceOf(DayOneUnavailableError);
    expect(error).not.toBeInstanceOf(DayOneError);
    expect((error as Error).message).toBe(
      'cannot reach Day One at http://127.0.0.1:4000/api/v1/tokens: connect ECONNREFUSED 127.0.0.1:4000',
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('really fails over the network when nothing listens', async () => {
    const port = await closedPort();
    const error = await failure(createClient({ url: `http://127.0.0.1:${port}` }).tokens.list());
    expect(error).toBeInstanceOf(DayOneUnavailableError);
  });

  it('reports an invalid JSON success body as INVALID_RESPONSE', async () => {
    const fetch = fakeFetch(new Response('{oops', { status: 200, headers: { 'content-type': 'application/json' } }));
    const error = await failure(createClient({ url: 'http://h', fetch }).tokens.list());
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
  });

  it('falls back to the reply status when the problem omits fields', async () => {
    const fetch = fakeFetch(json(409, { title: 'Conflict' }, 'application/problem+json'));
    const error = await failure(createClient({ url: 'http://h', fetch }).request('POST', '/api/v1/teams', {}));
    expect(error).toMatchObject({ status: 409, code: 'HTTP_409', detail: 'Conflict' });
  });
});
