import type { Session, setupStatus } from '@dayone/contracts';
import type { z } from 'zod';
import { api, setCsrfToken } from '../../api/api-client';
import { isApiError } from '../../api/api-error';

export type SetupStatus = z.infer<typeof setupStatus>;
export type SignupMode = SetupStatus['signupMode'];
export type AccountInput = { email: string; password: string; name: string; displayName: string };
export type SignUpInput = AccountInput & { inviteCode?: string };
export type SignInInput = { email: string; password: string };

export const setupKey = ['auth', 'setup'] as const;

export const fetchSetupStatus = () => api<SetupStatus>('/auth/setup');

/** The signed-in session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const setUpFirstAccount = (body: AccountInput) => api<Session>('/auth/setup', { method: 'POST', body });
export const signUp = (body: SignUpInput) => api<Session>('/auth/signup', { method: 'POST', body });
export const signIn = (body: SignInInput) => api<Session>('/auth/signin', { method: 'POST', body });
export const signOut = () => api<void>('/auth/signout', { method: 'POST' });
