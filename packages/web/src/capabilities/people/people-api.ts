import type { Person } from '@dayone/contracts';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';

export const peopleKeys = {
  all: ['people'] as const,
  list: (q: string) => ['people', 'list', q] as const,
  one: (name: string) => ['people', 'one', name] as const,
};

export const fetchPeople = (q: string, cursor?: string | null, limit = 50) =>
  api<Page<Person>>('/people', { query: { q, cursor, limit } });

export const fetchPerson = (name: string) => api<Person>(`/people/${encodeURIComponent(name)}`);
