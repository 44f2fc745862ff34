import { z } from 'zod';
import { entityName, isoDateTime, pageQuery, page } from './common';

export const role = z.enum(['admin', 'member']);
export const personKind = z.enum(['person', 'machine']);

export const person = z.object({
  id: z.string(),
  name: entityName,
  email: z.string().nullable(),
  displayName: z.string(),
  role,
  kind: personKind,
  teams: z.array(z.string()),
  createdAt: isoDateTime,
});
export type Person = z.infer<typeof person>;

export const personRef = z.object({ name: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof personRef>;

export const peopleQuery = pageQuery.extend({ q: z.string().max(200).optional() });
export const peoplePage = page(person);

export const updatePersonBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  role: role.optional(),
});
