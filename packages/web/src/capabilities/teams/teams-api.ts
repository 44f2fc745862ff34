import type { OrgNode, Team, TeamDetail } from '@dayone/contracts';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export type TeamFields = { displayName?: string; mission?: string; parent?: string | null; leader?: string | null };
export type NewTeam = TeamFields & { name: string };
export type FitnessFilter = 'all' | 'unfit';

export const teamKeys = {
  all: ['teams'] as const,
  list: (q: string, fitness: FitnessFilter) => ['teams', 'list', q, fitness] as const,
  one: (name: string) => ['teams', 'one', name] as const,
  tree: ['teams', 'tree'] as const,
};

const teamPath = (name: string) => `/teams/${encodeURIComponent(name)}`;

export const fetchTeams = (q: string, fitness: FitnessFilter, cursor?: string | null, limit = 50) =>
  api<Page<Team>>('/teams', { query: { q, fitness, cursor, limit } });

export const fetchTeam = (name: string) => api<TeamDetail>(teamPath(name));

export const createTeam = (body: NewTeam) => api<TeamDetail>('/teams', { method: 'POST', body });

export const updateTeam = (name: string, version: number, body: TeamFields) =>
  api<TeamDetail>(teamPath(name), { method: 'PATCH', body, ifMatch: version });

export const deleteTeam = (name: string, version: number) => api<void>(teamPath(name), { method: 'DELETE', ifMatch: version });

/** Adds a person to the team; without a person, adds the signed-in person. */
export const addMember = (team: string, person?: string) =>
  api<TeamDetail>(`${teamPath(team)}/members`, { method: 'POST', body: person ? { person } : {} });

export const removeMember = (team: string, person: string) =>
  api<TeamDetail>(`${teamPath(team)}/members/${encodeURIComponent(person)}`, { method: 'DELETE' });

export const fetchOrgTree = () => api<{ roots: OrgNode[] }>('/org/tree');
