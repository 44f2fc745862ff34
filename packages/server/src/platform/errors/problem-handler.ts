import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { StatsInputError } from '@dayone/stats';
import { AppError, errorCatalogue, type ErrorCode, type FieldError } from './app-error';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
  return reply
    .code(error.status)
    .type('application/problem+json')
    .send({
      type: `https://dayone.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: error.title,
      status: error.status,
      code: error.code,
      detail: error.detail,
      instance: request.url,
      requestId: request.id,
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extensions,
    });
}

function zodPath(instancePath: string, part: string): string {
  const dotted = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return dotted ? `${part}.${dotted}` : part;
}

/** Turns anything thrown into an RFC 9457 problem+json answer; never leaks a stack trace. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof StatsInputError) {
    const path = `body.${error.path.replace(/\[(\d+)\]/g, '.$1')}`;
    return new AppError('VALIDATION_FAILED', `${path}: ${error.detail}`, { errors: [{ path, message: error.detail }] });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as { validationContext?: string }).validationContext ?? 'body';
    const errors: FieldError[] = error.validation.flatMap((v) => {
      const keys = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
      if (keys.length) {
        return keys.map((k) => ({ path: `${zodPath(v.instancePath, part)}.${k}`, message: 'is not a known field' }));
      }
      return [{ path: zodPath(v.instancePath, part), message: v.message ?? 'is invalid' }];
    });
    return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const fe = error as FastifyError;
  if (fe?.code && fastifyCodes[fe.code]) return new AppError(fastifyCodes[fe.code], fe.message);
  if (fe instanceof SyntaxError || (fe?.statusCode === 400 && !isResponseSerializationError(error))) {
    return new AppError('MALFORMED_BODY', fe.message);
  }
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = (Object.keys(errorCatalogue) as ErrorCode[]).find((c) => errorCatalogue[c].status === fe.statusCode) ?? 'MALFORMED_BODY';
    return new AppError(code, fe.message);
  }
  return new AppError('INTERNAL', 'The server could not complete the request; it has been logged with the request id.');
}

export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const problem = toAppError(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });
}
