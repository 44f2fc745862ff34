import { z } from 'zod';
import { isoDateTime } from './common';

/** What an API token may do. `read` and `write` cover every route by method (GET/HEAD read, the rest
 *  write); the narrow scopes open one job each; `admin` opens the admin routes. */
export const tokenScopes = ['read', 'write', 'andon:pull', 'gates:read', 'events:write', 'admin'] as const;
export const tokenScope = z.enum(tokenScopes, {
  error: (issue) => `unknown scope "${String(issue.input)}"; the scopes are ${tokenScopes.join(', ')}`,
});
export type TokenScope = z.infer<typeof tokenScope>;

/** Scopes a token gets when its creator names none. */
export const defaultTokenScopes: TokenScope[] = ['read', 'write'];

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: isoDateTime.pipe(z.iso.datetime({ offset: true })).optional(),
  scopes: z.array(tokenScope).min(1).max(tokenScopes.length).optional().describe('default: read, write'),
});

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(tokenScope),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createdToken = apiToken.extend({ token: z.string().describe('shown once; store it now') });
export const tokenList = z.object({ items: z.array(apiToken) });
export const tokenIdParam = z.strictObject({ id: z.string().min(1).max(100) });
