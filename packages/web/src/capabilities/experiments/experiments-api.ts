import type { Experiment, ExperimentDailyResults, ExperimentResults, createExperimentBody } from '@dayone/contracts';
import type { z } from 'zod';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export type { Experiment, ExperimentDailyResults, ExperimentResults };
export type MetricResult = ExperimentResults['metrics'][number];
export type VariantResult = MetricResult['variants'][number];
/** What the form sends: fields with server defaults may be left out. */
export type NewExperiment = z.input<typeof createExperimentBody>;
export type ExperimentStatus = Experiment['status'];
export type Decision = NonNullable<Experiment['decision']>;
export type Aggregation = Experiment['metrics'][number]['aggregation'];
export type MetricRole = Experiment['metrics'][number]['role'];
export type Engine = Experiment['engine'];
export type ExperimentFilters = { team?: string; status?: ExperimentStatus };

export const experimentKeys = {
  all: ['experiments'] as const,
  list: (filters: ExperimentFilters) => ['experiments', 'list', filters] as const,
  one: (key: string) => ['experiments', 'one', key] as const,
  results: (key: string) => ['experiments', 'results', key] as const,
  daily: (key: string) => ['experiments', 'daily', key] as const,
};

const experimentPath = (key: string) => `/experiments/${encodeURIComponent(key)}`;

export const fetchExperiments = (filters: ExperimentFilters, cursor?: string | null, limit = 50) =>
  api<Page<Experiment>>('/experiments', { query: { ...filters, cursor, limit } });

export const fetchExperiment = (key: string) => api<Experiment>(experimentPath(key));

export const fetchResults = (key: string) => api<ExperimentResults>(`${experimentPath(key)}/results`);

export const fetchDailyResults = (key: string) => api<ExperimentDailyResults>(`${experimentPath(key)}/results/daily`);

export const createExperiment = (body: NewExperiment) => api<Experiment>('/experiments', { method: 'POST', body });

export const startExperiment = (key: string) => api<Experiment>(`${experimentPath(key)}/start`, { method: 'POST' });

export const stopExperiment = (key: string) => api<Experiment>(`${experimentPath(key)}/stop`, { method: 'POST' });

export const decideExperiment = (key: string, decision: Decision, lesson: string) =>
  api<Experiment>(`${experimentPath(key)}/decision`, { method: 'POST', body: { decision, lesson } });
