import type { Insights } from '@dayone/contracts';
import { api } from '../../api/api-client';

export type { Insights };
export const insightsKeys = { one: (team: string, weeks: string) => ['insights', team, weeks] as const };
export const fetchInsights = (team: string, weeks: string) => api<Insights>('/insights', { query: { team, weeks } });
