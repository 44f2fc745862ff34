import type { ActionItem, Attachment, Coe, SectionName, coeDetail, coeFigures, coeSection, lintFinding, supportingData } from '@dayone/contracts';
import type { z } from 'zod';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export type { ActionItem, Attachment, Coe, SectionName };
export type SupportingData = z.infer<typeof supportingData>;
export type MetricChartData = SupportingData['charts'][number];
export type Milestone = SupportingData['milestones'][number];
export type CoeFigures = z.infer<typeof coeFigures>;
export type CoeDetail = z.infer<typeof coeDetail>;
export type CoeSection = z.infer<typeof coeSection>;
export type LintFinding = z.infer<typeof lintFinding>;
export type CoeStatus = Coe['status'];
export type ActionItemStatus = ActionItem['status'];
export type Priority = ActionItem['priority'];
export type ActionItemType = ActionItem['type'];

export type CoeFilters = { q: string; team: string; status: string; service: string; tag: string; from: string; to: string };
export type NewCoe = { title: string; team: string; services?: string[]; pulls?: string[]; tags?: string[] };
export type NewActionItem = { title: string; owner: string; team?: string; dueDate: string; priority: Priority; type: ActionItemType; link?: string };
export type ActionItemChanges = Partial<Pick<ActionItem, 'title' | 'owner' | 'dueDate' | 'priority' | 'status'>> & { wontDoReason?: string; link?: string | null };
export type ActionItemFilters = { owner?: string; team?: string; status: 'open' | 'closed' | 'all'; overdue?: 'true' };

export const coeKeys = {
  all: ['coes'] as const,
  list: (filters: Partial<CoeFilters>) => ['coes', 'list', filters] as const,
  one: (number: number) => ['coes', 'one', number] as const,
  actionItems: (filters: ActionItemFilters) => ['coes', 'action-items', filters] as const,
  supportingData: (number: number) => ['coes', 'supporting-data', number] as const,
  figures: (team: string | null, months: number) => ['coes', 'figures', team, months] as const,
};

const coePath = (number: number) => `/coes/${number}`;

export const fetchCoes = (filters: Partial<CoeFilters>, cursor?: string | null, limit = 50) =>
  api<Page<Coe>>('/coes', { query: { ...filters, cursor, limit } });

export const fetchCoe = (number: number) => api<CoeDetail>(coePath(number));

export const createCoe = (body: NewCoe) => api<CoeDetail>('/coes', { method: 'POST', body });

/** Saves one section, guarded by the version it was read at: 412 when someone else saved it first. */
export const saveSection = (number: number, section: SectionName, version: number, content: unknown) =>
  api<CoeSection>(`${coePath(number)}/sections/${section}`, { method: 'PUT', body: { content }, ifMatch: version });

export const createActionItem = (number: number, body: NewActionItem) =>
  api<ActionItem>(`${coePath(number)}/action-items`, { method: 'POST', body });

export const updateActionItem = (number: number, id: string, version: number, body: ActionItemChanges) =>
  api<ActionItem>(`${coePath(number)}/action-items/${encodeURIComponent(id)}`, { method: 'PATCH', body, ifMatch: version });

export const fetchActionItems = (filters: ActionItemFilters, cursor?: string | null, limit = 50) =>
  api<Page<ActionItem>>('/action-items', { query: { ...filters, cursor, limit } });

export const submitCoe = (number: number) => api<CoeDetail>(`${coePath(number)}/submit`, { method: 'POST', body: {} });

export const reviewCoe = (number: number, note: string) => api<CoeDetail>(`${coePath(number)}/reviews`, { method: 'POST', body: { note } });

export const closeCoe = (number: number) => api<CoeDetail>(`${coePath(number)}/close`, { method: 'POST', body: {} });

export const commentOnCoe = (number: number, section: SectionName, body: string) =>
  api<CoeDetail>(`${coePath(number)}/comments`, { method: 'POST', body: { section, body } });

/** Where the browser downloads a COE as Markdown. */
export const coeMarkdownUrl = (number: number) => `/api/v1${coePath(number)}/markdown`;

/** The metric series (parsed by the server), the timeline milestones to mark on them, and the images. */
export const fetchSupportingData = (number: number) => api<SupportingData>(`${coePath(number)}/supporting-data`);

/** Sends the file itself as the body; the server decides its type from its bytes. */
export const uploadAttachment = (number: number, file: File) =>
  api<Attachment>(`${coePath(number)}/attachments`, { method: 'POST', query: { filename: file.name }, raw: { text: file, contentType: file.type || (file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream') } });

export const removeAttachment = (number: number, id: string) => api<void>(`${coePath(number)}/attachments/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const addCoeTag = (number: number, tag: string) => api<{ tags: string[] }>(`${coePath(number)}/tags`, { method: 'POST', body: { tag } });

export const removeCoeTag = (number: number, tag: string) => api<{ tags: string[] }>(`${coePath(number)}/tags/${encodeURIComponent(tag)}`, { method: 'DELETE' });

export const fetchCoeFigures = (team: string | null, months: number) => api<CoeFigures>('/coes/figures', { query: { team, months } });
