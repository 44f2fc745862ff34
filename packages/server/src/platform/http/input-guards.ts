import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error';

const NUL = '\u0000';
const message = 'must not contain the NUL character (U+0000)';

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The path of a string (or key) holding NUL inside parsed JSON, path parameters or a query, else null.
 *  Walked with a stack, not recursion, so no nesting is too deep; uploaded bytes (Buffers) are not text. */
export function findNul(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`]);
    } else if (isPlainObject(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes(NUL)) return path;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/** The same for path parameters and queries, which the router keeps in objects of its own class. */
function findNulInRecord(record: unknown, root: string): string | null {
  if (typeof record !== 'object' || record === null) return null;
  for (const [key, value] of Object.entries(record)) {
    if (key.includes(NUL)) return root;
    const at = findNul(value, `${root}.${key}`);
    if (at) return at;
  }
  return null;
}

/** Refuses text with NUL characters anywhere in a request (400 naming the field) before any route sees it:
 *  PostgreSQL cannot store NUL in text, and no field of Day One means one, so both databases answer alike. */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const at = findNulInRecord(request.params, 'params') ?? findNulInRecord(request.query, 'querystring') ?? findNul(request.body, 'body');
    if (at) throw new AppError('VALIDATION_FAILED', `${at}: ${message}`, { errors: [{ path: at, message }] });
  });
}
