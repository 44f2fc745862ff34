import { z } from 'zod';
import { entityName } from './common';
import { person } from './people';

export const signupMode = z.enum(['open', 'invite']);

export const setupStatus = z.object({ needsSetup: z.boolean(), signupMode, localPasswords: z.boolean() });

export const email = z.string().trim().toLowerCase().max(320).email('must be an email address');
export const password = z.string().min(10, 'must be at least 10 characters').max(200);

export const setupBody = z.strictObject({
  email,
  password,
  name: entityName,
  displayName: z.string().trim().min(1).max(200),
});

export const signUpBody = setupBody.extend({ inviteCode: z.string().max(200).optional() });

export const signInBody = z.strictObject({ email, password: z.string().min(1).max(200) });

export const session = z.object({ person, csrfToken: z.string() });
export type Session = z.infer<typeof session>;
