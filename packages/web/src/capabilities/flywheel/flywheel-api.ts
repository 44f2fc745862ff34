import type { Flywheel, FlywheelMetric, FlywheelReview, FlywheelValuesResult, flywheelValues } from '@dayone/contracts';
import type { z } from 'zod';
import { api } from '../../api/api-client';

export type { Flywheel, FlywheelMetric, FlywheelReview, FlywheelValuesResult };
export type FlywheelValues = z.infer<typeof flywheelValues>;
export type MetricDraft = { key: string; name: string; unit: string; kind: 'input' | 'output'; next: string };
export type ValueEntry = { metric: string; week: string; value: number };

export const flywheelKeys = {
  all: (team: string) => ['flywheel', team] as const,
  one: (team: string) => ['flywheel', team, 'definition'] as const,
  values: (team: string, from: string, to: string) => ['flywheel', team, 'values', from, to] as const,
  review: (team: string, week: string | null) => ['flywheel', team, 'review', week] as const,
};

const path = (team: string) => `/teams/${encodeURIComponent(team)}/flywheel`;

export const fetchFlywheel = (team: string) => api<Flywheel>(path(team));

/** The first definition goes without a version; later ones carry the version they were made from. */
export const defineFlywheel = (team: string, metrics: MetricDraft[], version?: number) =>
  api<Flywheel>(path(team), { method: 'PUT', body: { metrics }, ifMatch: version });

export const fetchValues = (team: string, from: string, to: string) => api<FlywheelValues>(`${path(team)}/values`, { query: { from, to } });

export const recordValues = (team: string, values: ValueEntry[]) => api<FlywheelValuesResult>(`${path(team)}/values`, { method: 'POST', body: { values } });

export const uploadValuesCsv = (team: string, csv: string, partial: boolean) =>
  api<FlywheelValuesResult>(`${path(team)}/values`, { method: 'POST', raw: { text: csv, contentType: 'text/csv' }, query: { partial: partial ? 'true' : undefined } });

export const fetchReview = (team: string, week: string | null) => api<FlywheelReview>(`${path(team)}/review`, { query: { week } });
