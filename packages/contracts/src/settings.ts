import { z } from 'zod';
import { isoDateTime } from './common';
import { email, signupMode } from './auth';

export const settings = z.object({ signupMode, version: z.number().int() });
export const patchSettingsBody = z.strictObject({ signupMode: signupMode.optional() });

export const createInviteBody = z.strictObject({ email });
export const invite = z.object({
  email: z.string(),
  code: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  usedAt: isoDateTime.nullable(),
});
export const inviteList = z.object({ items: z.array(invite) });
