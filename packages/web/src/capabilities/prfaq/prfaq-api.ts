import type { Attachment, Prfaq, PrfaqDecision, PrfaqDetail, PrfaqLintResult, PrfaqReviewRound, PrfaqSectionName, PrfaqThread, PrfaqVersion, prfaqPortfolio, PrfaqCommentAnchor } from '@dayone/contracts';
import type { z } from 'zod';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export type { Prfaq, PrfaqDecision, PrfaqDetail, PrfaqLintResult, PrfaqReviewRound, PrfaqSectionName, PrfaqThread, PrfaqVersion, PrfaqCommentAnchor };
export type Portfolio = z.infer<typeof prfaqPortfolio>;
export type Meeting = PrfaqReviewRound & { document: PrfaqVersion; comments: PrfaqThread[] };
export type LintInput = Record<string, unknown>;

export const prfaqKeys = {
  all: ['prfaqs'] as const,
  list: (filters: Record<string, string>) => ['prfaqs', 'list', filters] as const,
  one: (n: number) => ['prfaqs', 'one', n] as const,
  meeting: (n: number, round: number) => ['prfaqs', 'one', n, 'round', round] as const,
  decisions: (filters: Record<string, string>) => ['prfaqs', 'decisions', filters] as const,
  portfolio: ['prfaqs', 'portfolio'] as const,
  lint: (input: LintInput) => ['prfaqs', 'lint', input] as const,
};

const base = (n: number) => `/prfaqs/${n}`;

export const fetchPrfaqs = (filters: Record<string, string>, cursor: string | null) => api<Page<Prfaq>>('/prfaqs', { query: { ...filters, cursor, limit: 50 } });
export const fetchPrfaq = (n: number) => api<PrfaqDetail>(base(n));
export const createPrfaq = (body: { title: string; team: string; customer: string }) => api<PrfaqDetail>('/prfaqs', { method: 'POST', body });
export const patchPrfaq = (doc: Prfaq, body: { title?: string; customer?: string; bet?: { probability: number; payoff: number; cost: number } | null }) =>
  api<PrfaqDetail>(base(doc.number), { method: 'PATCH', body, ifMatch: doc.version });
export const saveSection = (n: number, section: PrfaqSectionName, content: unknown, version: number) =>
  api<unknown>(`${base(n)}/sections/${section}`, { method: 'PUT', body: { content }, ifMatch: version });
export const lintDraft = (input: LintInput) => api<PrfaqLintResult>('/prfaqs/lint', { method: 'POST', body: input });
export const setStatus = (n: number, status: 'draft' | 'building' | 'launched' | 'shelved') => api<PrfaqDetail>(`${base(n)}/status`, { method: 'POST', body: { status } });

export const startRound = (n: number, reviewers: string[]) => api<PrfaqReviewRound>(`${base(n)}/rounds`, { method: 'POST', body: { reviewers } });
export const fetchMeeting = (n: number, round: number) => api<Meeting>(`${base(n)}/rounds/${round}`);
export const closeRound = (n: number, round: number) => api<PrfaqReviewRound>(`${base(n)}/rounds/${round}/close`, { method: 'POST' });
export const addComment = (n: number, round: number, body: { body: string; anchor?: PrfaqCommentAnchor; parentId?: string }) =>
  api<unknown>(`${base(n)}/rounds/${round}/comments`, { method: 'POST', body });
export const resolveComment = (n: number, round: number, id: string, resolved: boolean) =>
  api<unknown>(`${base(n)}/rounds/${round}/comments/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { resolved } });

export const requestDecision = (n: number, body: { door: 'two_way' | 'one_way'; decider?: string }) => api<PrfaqDecision>(`${base(n)}/decisions`, { method: 'POST', body });
export const writeNo = (n: number, id: string, body: { reasons: string; wouldChangeMind: string }) => api<PrfaqDecision>(`${base(n)}/decisions/${id}/no`, { method: 'POST', body });
export const decide = (n: number, id: string, body: { answer: 'yes' | 'no'; reasons: string; wouldChangeMind: string }) => api<PrfaqDecision>(`${base(n)}/decisions/${id}/decide`, { method: 'POST', body });
export const commit = (n: number, id: string, note: string) => api<PrfaqDecision>(`${base(n)}/decisions/${id}/commitments`, { method: 'POST', body: { note } });

export const fetchDecisions = (filters: Record<string, string>, cursor: string | null) => api<Page<PrfaqDecision>>('/prfaqs/decisions', { query: { ...filters, cursor, limit: 50 } });
export const fetchPortfolio = () => api<Portfolio>('/prfaqs/portfolio');

/** Uploads a mock-up image; its address goes into the customer experience's mock-ups. */
export const uploadMockup = (n: number, file: File) =>
  api<Attachment>(`${base(n)}/mockups`, { method: 'POST', query: { filename: file.name }, raw: { text: file, contentType: file.type || 'application/octet-stream' } });
