// Who is signed in: the API's answer to GET /session for the current token.
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api, ok, type Schemas } from '../api/client.ts';
import { getToken, onTokenChange } from './token.ts';

export type Role =
  'agency_staff' | 'agency_reviewer' | 'bureau_coordinator' | 'bureau_admin' | 'assessor' | 'public' | 'gateway';
export interface Principal {
  sub: string;
  roles: Role[];
  agency: string | null;
  name: string | null;
}
export interface Session {
  authMode: 'dev' | 'jwt';
  principal: Principal | null;
  remindWd: number;
}

/** The current token, re-read when the person signs in or out. */
export const useToken = (): string | null => useSyncExternalStore(onTokenChange, getToken);

export function useSession() {
  const token = useToken();
  return useQuery({
    queryKey: ['session', token],
    queryFn: () => ok(api.GET('/api/v1/session')) as Promise<Session>,
    staleTime: 5 * 60_000,
  });
}

/** The signed-in person (the layout renders only once there is one). */
export function usePrincipal(): Principal {
  const { data } = useSession();
  if (!data?.principal) throw new Error('usePrincipal outside a signed-in page');
  return data.principal;
}

export const isBureau = (p: Principal): boolean =>
  p.roles.includes('bureau_admin') || p.roles.includes('bureau_coordinator');
export const isAgencyUser = (p: Principal): boolean =>
  !!p.agency && (p.roles.includes('agency_staff') || p.roles.includes('agency_reviewer'));
export const hasRole = (p: Principal, ...roles: Role[]): boolean => roles.some((r) => p.roles.includes(r));

export type { Schemas };
