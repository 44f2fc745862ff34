import type { AuditEntry, AuditVerification, invite, settings } from '@dayone/contracts';
import type { z } from 'zod';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';
import type { SignupMode } from '../auth/auth-api';

export type Settings = z.infer<typeof settings>;
export type Invite = z.infer<typeof invite>;

export const adminKeys = {
  settings: ['admin', 'settings'] as const,
  invites: ['admin', 'invites'] as const,
  audit: (cursor: string | null) => ['admin', 'audit', cursor] as const,
  allAudit: ['admin', 'audit'] as const,
};

export const fetchSettings = () => api<Settings>('/settings');
export const updateSignupMode = (version: number, signupMode: SignupMode) =>
  api<Settings>('/settings', { method: 'PATCH', body: { signupMode }, ifMatch: version });

export const fetchInvites = () => api<{ items: Invite[] }>('/invites');
export const createInvite = (email: string) => api<Invite>('/invites', { method: 'POST', body: { email } });

export const fetchAudit = (cursor: string | null, limit = 25) => api<Page<AuditEntry>>('/audit', { query: { cursor, limit } });
export const verifyAudit = () => api<AuditVerification>('/audit/verify');

export const inviteLink = (code: string) => `${window.location.origin}/signup?invite=${encodeURIComponent(code)}`;
