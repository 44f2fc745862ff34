import { Alert, Button, Divider } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { SetupStatus } from './auth-api';

type CompanySignIn = NonNullable<SetupStatus['companySignIn']>;

/** "Sign in with <provider>": a plain link, so the browser goes to the identity provider and back. */
export function CompanySignInButton({ signIn, returnTo }: { signIn: CompanySignIn; returnTo?: string }) {
  const href = returnTo && returnTo !== '/' ? `${signIn.startUrl}?returnTo=${encodeURIComponent(returnTo)}` : signIn.startUrl;
  return (
    <Button component="a" href={href} variant="filled" fullWidth>
      Sign in with {signIn.name}
    </Button>
  );
}

/** Between the company button and the password form. */
export const OrWithPassword = () => <Divider label="or with your password" labelPosition="center" />;

const messages: Record<string, (provider: string) => string> = {
  OIDC_SIGN_IN_FAILED: (p) => `Signing in with ${p} did not succeed. Try again; if it keeps failing, an administrator finds the reason in the server log.`,
  PERSON_EMAIL_TAKEN: (p) => `Your email already belongs to an account here that cannot be joined with your ${p} account automatically. Ask an administrator.`,
  UNAVAILABLE: (p) => `${p} could not be reached. Try again in a moment.`,
};

/** Why the last company sign-in came back without a session (the server adds ?oidcError=CODE). */
export function CompanySignInError({ provider }: { provider: string }) {
  const [params] = useSearchParams();
  const code = params.get('oidcError');
  if (!code) return null;
  const message = messages[code] ?? messages.OIDC_SIGN_IN_FAILED;
  return (
    <Alert color="red" title="Not signed in">
      {message(provider)}
    </Alert>
  );
}
