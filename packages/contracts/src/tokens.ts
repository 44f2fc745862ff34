import { z } from 'zod';
import { isoDateTime } from './common';

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: isoDateTime.pipe(z.iso.datetime({ offset: true })).optional(),
});

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createdToken = apiToken.extend({ token: z.string().describe('shown once; store it now') });
export const tokenList = z.object({ items: z.array(apiToken) });
export const tokenIdParam = z.strictObject({ id: z.string().min(1).max(100) });
