import type { ApiToken, TokenScope } from '@dayone/contracts';
import { api } from '../../api/api-client';

export type CreatedToken = ApiToken & { token: string };
export type NewToken = { name: string; expiresAt?: string; scopes: TokenScope[] };

export const tokenKeys = { all: ['tokens'] as const };

export const fetchTokens = () => api<{ items: ApiToken[] }>('/tokens');
export const createToken = (body: NewToken) => api<CreatedToken>('/tokens', { method: 'POST', body });
export const revokeToken = (id: string) => api<void>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
