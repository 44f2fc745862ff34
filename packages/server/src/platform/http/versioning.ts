import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

/** Mutable resources carry an integer version, sent as a strong ETag "<version>". */
export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** Reads If-Match; a write without it is refused (428) so nobody overwrites a change they never saw. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw new AppError('PRECONDITION_REQUIRED', 'Send If-Match: "<version>" with the version you read (the ETag of the GET).');
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new AppError('VALIDATION_FAILED', 'If-Match must be the ETag you read, such as "3".', { errors: [{ path: 'header.if-match', message: 'must be an ETag such as "3"' }] });
  return Number(match[1]);
}
