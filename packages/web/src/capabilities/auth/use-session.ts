import type { Session } from '@dayone/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../api/api-client';
import { sessionKey } from '../../api/query-client';
import { fetchSession, fetchSetupStatus, setupKey } from './auth-api';

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity });
}

export function useSetupStatus() {
  return useQuery({ queryKey: setupKey, queryFn: fetchSetupStatus, staleTime: 60_000 });
}

/** The signed-in session; only for components rendered inside the signed-in app. */
export function useSession(): Session {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession used outside the signed-in app');
  return data;
}

/** Records a session just returned by setup, sign-up or sign-in. */
export function useStartSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionKey, session);
    void queryClient.invalidateQueries({ queryKey: setupKey });
  };
}
