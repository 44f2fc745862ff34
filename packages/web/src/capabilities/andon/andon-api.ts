import type { AndonPull, Gate, PullTarget, andonEvent, andonStats } from '@dayone/contracts';
import type { z } from 'zod';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export type { AndonPull, Gate, PullTarget };
export type AndonEvent = z.infer<typeof andonEvent>;
export type AndonPullDetail = AndonPull & { events: AndonEvent[] };
export type AndonStats = z.infer<typeof andonStats>;
export type PullStatusFilter = 'open' | 'resolved' | 'all';
export type PullFilters = { status: PullStatusFilter; team?: string; service?: string };
export type NewPull = { target: PullTarget; reason: string; severity: number; environment?: string };

export const andonKeys = {
  all: ['andon'] as const,
  list: (filters: PullFilters) => ['andon', 'list', filters] as const,
  one: (id: string) => ['andon', 'one', id] as const,
  stats: ['andon', 'stats'] as const,
  gate: (service: string) => ['andon', 'gate', service] as const,
};

const pullPath = (id: string) => `/andon/pulls/${encodeURIComponent(id)}`;

export const fetchPulls = (filters: PullFilters, cursor?: string | null, limit = 50) =>
  api<Page<AndonPull>>('/andon/pulls', { query: { ...filters, cursor, limit } });

export const fetchPull = (id: string) => api<AndonPullDetail>(pullPath(id));

export const pullCord = (body: NewPull) => api<AndonPull>('/andon/pulls', { method: 'POST', body });

export const acknowledgePull = (id: string) => api<AndonPull>(`${pullPath(id)}/acknowledge`, { method: 'POST', body: {} });

export const resolvePull = (id: string, note: string) => api<AndonPull>(`${pullPath(id)}/resolve`, { method: 'POST', body: { note } });

export const overridePull = (id: string, reason: string, minutes: number) =>
  api<AndonPull>(`${pullPath(id)}/overrides`, { method: 'POST', body: { reason, minutes } });

export const commentOnPull = (id: string, body: string) => api<AndonPull>(`${pullPath(id)}/comments`, { method: 'POST', body: { body } });

export const fetchAndonStats = () => api<AndonStats>('/andon/stats');

/** The deploy gate of a service, by its catalog reference. */
export const fetchGate = (service: string) => api<Gate>(`/gates/${encodeURIComponent(service)}`);

/** Where the browser subscribes to a service's gate: an event stream with the state on connect and every change. */
export const gateStreamUrl = (service: string) => `/api/v1/gates/stream?service=${encodeURIComponent(service)}`;
