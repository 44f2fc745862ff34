import { z } from 'zod';

/** Names of teams, people and (later) catalog entities follow Backstage's rules:
 *  letters and digits, separated by single '-', '_' or '.', at most 63 characters. */
export const entityName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$/, 'must be letters and digits separated by single "-", "_" or "."');

export const isoDateTime = z.string().describe('ISO 8601 date-time in UTC');

/** An address a person may follow from a page: http, https or mailto. Script and data URLs are refused,
 *  so no stored link can run code in the web app, a Markdown export or a chat message. */
export const linkUrl = z.url({ protocol: /^(https?|mailto)$/, error: 'must be an http, https or mailto address' }).max(2000);

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}).loose().describe('RFC 9457 problem details; some codes add members (e.g. `current` on a stale section)');
export type Problem = z.infer<typeof problem>;

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const nameParam = z.strictObject({ name: z.string().min(1).max(200) });
