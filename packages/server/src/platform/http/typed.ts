import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '@dayone/contracts';

/** The app with zod schemas as its type provider, so routes get typed params, bodies and replies. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Every route answers errors as problem+json; list it once for the OpenAPI document. */
export const errorReplies = { '4xx': problem, '5xx': problem } as const;

export const noContent = z.null().describe('No content');
