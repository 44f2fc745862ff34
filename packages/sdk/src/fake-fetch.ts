import type { FetchLike } from './http-transport';

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A response, one made from the recorded request, or an error to throw (a network failure). */
type Reply = Response | ((call: RecordedRequest) => Response | Error) | Error;

/** A scripted fetch for tests: replies in order and records what it was asked. */
export function fakeFetch(...replies: Reply[]): FetchLike & { calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fn = async (url: string, init: RequestInit) => {
    const call: RecordedRequest = {
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body !== 'string' ? undefined : isJson(init.headers) ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected request ${init.method} ${url}`);
    const answer = typeof reply === 'function' ? reply(call) : reply;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(fn, { calls });
}

/** JSON bodies are recorded parsed; others (YAML) as the text sent. */
function isJson(headers: RequestInit['headers']): boolean {
  const type = (headers as Record<string, string> | undefined)?.['content-type'] ?? 'application/json';
  return /[/+]json\b/i.test(type);
}

export function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

export function problem(status: number, code: string, detail: string, errors?: { path: string; message: string }[]) {
  return json(
    status,
    { type: `https://dayone.dev/problems/${code}`, title: 'Request failed', status, code, detail, errors },
    'application/problem+json',
  );
}
