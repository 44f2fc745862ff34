import { z } from 'zod';
import { entityName } from './common';
import { person } from './people';

export const signupMode = z.enum(['open', 'invite']);

/** Company sign-in (OpenID Connect) as the web app offers it; null when it is not configured. */
export const companySignIn = z.object({
  name: z.string().describe('The identity provider’s name, for "Sign in with <name>"'),
  startUrl: z.string().describe('Where the sign-in button leads: GET /api/v1/auth/oidc/start'),
});

export const setupStatus = z.object({
  needsSetup: z.boolean(),
  signupMode,
  localPasswords: z.boolean().describe('false when only company sign-in is allowed (DAYONE_LOCAL_PASSWORDS=off)'),
  companySignIn: companySignIn.nullable(),
});

export const oidcStartQuery = z.object({
  returnTo: z.string().max(2000).optional().describe('A path on this site to land on once signed in (default /)'),
});

/** What the identity provider sends back; checked by the server, not by this schema. */
export const oidcCallbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(4000).optional(),
  iss: z.string().max(4000).optional(),
  error: z.string().max(4000).optional(),
  error_description: z.string().max(4000).optional(),
});

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
